import type { NotifyTemplate } from './notify-template.js'

const rtl = new Set(['ara'])
const htmlLang: Record<string, string> = { eng: 'en', fra: 'fr', ara: 'ar' }

/** Wraps paragraphs in a minimal HTML document with the language and direction set. */
function page(language: string, paragraphs: string[]): string {
  const dir = rtl.has(language) ? 'rtl' : 'ltr'
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n')
  return `<!doctype html>\n<html lang="${htmlLang[language] ?? language}" dir="${dir}">\n<body>\n${body}\n</body>\n</html>\n`
}

const otp: NotifyTemplate[] = [
  {
    name: 'otp',
    channel: 'email',
    language: 'eng',
    subject: 'Your verification code',
    text: 'Your verification code is {{otp}}. It expires in {{minutes}} minutes.\n\nIf you did not ask for this code, ignore this message. Never share the code with anyone.\n',
    html: page('eng', [
      'Your verification code is <strong>{{otp}}</strong>. It expires in {{minutes}} minutes.',
      'If you did not ask for this code, ignore this message. Never share the code with anyone.',
    ]),
  },
  {
    name: 'otp',
    channel: 'email',
    language: 'fra',
    subject: 'Votre code de vérification',
    text: 'Votre code de vérification est {{otp}}. Il expire dans {{minutes}} minutes.\n\nSi vous n’avez pas demandé ce code, ignorez ce message. Ne communiquez jamais ce code à qui que ce soit.\n',
    html: page('fra', [
      'Votre code de vérification est <strong>{{otp}}</strong>. Il expire dans {{minutes}} minutes.',
      'Si vous n’avez pas demandé ce code, ignorez ce message. Ne communiquez jamais ce code à qui que ce soit.',
    ]),
  },
  {
    name: 'otp',
    channel: 'email',
    language: 'ara',
    subject: 'رمز التحقق الخاص بك',
    text: 'رمز التحقق الخاص بك هو {{otp}}. تنتهي صلاحيته خلال {{minutes}} دقيقة.\n\nإذا لم تطلب هذا الرمز، فتجاهل هذه الرسالة. لا تشارك هذا الرمز مع أي شخص.\n',
    html: page('ara', [
      'رمز التحقق الخاص بك هو <strong>{{otp}}</strong>. تنتهي صلاحيته خلال {{minutes}} دقيقة.',
      'إذا لم تطلب هذا الرمز، فتجاهل هذه الرسالة. لا تشارك هذا الرمز مع أي شخص.',
    ]),
  },
  {
    name: 'otp',
    channel: 'sms',
    language: 'eng',
    text: 'Your verification code is {{otp}}. It expires in {{minutes}} min. Do not share it.',
  },
  {
    name: 'otp',
    channel: 'sms',
    language: 'fra',
    text: 'Votre code de vérification est {{otp}}. Il expire dans {{minutes}} min. Ne le partagez pas.',
  },
  {
    name: 'otp',
    channel: 'sms',
    language: 'ara',
    text: 'رمز التحقق الخاص بك هو {{otp}}. تنتهي صلاحيته خلال {{minutes}} دقيقة. لا تشاركه مع أحد.',
  },
]

const welcomeStaff: NotifyTemplate[] = [
  {
    name: 'welcome-staff',
    channel: 'email',
    language: 'eng',
    subject: 'Welcome to Mosaic',
    text: 'Hello {{name}},\n\nAn account has been created for you on Mosaic.\n\nUsername: {{username}}\nSign in at: {{loginUrl}}\n\nYou will be asked to choose a new password the first time you sign in.\n',
    html: page('eng', [
      'Hello {{name}},',
      'An account has been created for you on Mosaic.',
      'Username: <strong>{{username}}</strong><br>Sign in at: <a href="{{loginUrl}}">{{loginUrl}}</a>',
      'You will be asked to choose a new password the first time you sign in.',
    ]),
  },
  {
    name: 'welcome-staff',
    channel: 'email',
    language: 'fra',
    subject: 'Bienvenue sur Mosaic',
    text: 'Bonjour {{name}},\n\nUn compte a été créé pour vous sur Mosaic.\n\nNom d’utilisateur : {{username}}\nConnexion : {{loginUrl}}\n\nVous devrez choisir un nouveau mot de passe lors de votre première connexion.\n',
    html: page('fra', [
      'Bonjour {{name}},',
      'Un compte a été créé pour vous sur Mosaic.',
      'Nom d’utilisateur : <strong>{{username}}</strong><br>Connexion : <a href="{{loginUrl}}">{{loginUrl}}</a>',
      'Vous devrez choisir un nouveau mot de passe lors de votre première connexion.',
    ]),
  },
  {
    name: 'welcome-staff',
    channel: 'email',
    language: 'ara',
    subject: 'مرحبًا بك في Mosaic',
    text: 'مرحبًا {{name}}،\n\nتم إنشاء حساب لك على Mosaic.\n\nاسم المستخدم: {{username}}\nتسجيل الدخول: {{loginUrl}}\n\nسيُطلب منك اختيار كلمة مرور جديدة عند تسجيل الدخول لأول مرة.\n',
    html: page('ara', [
      'مرحبًا {{name}}،',
      'تم إنشاء حساب لك على Mosaic.',
      'اسم المستخدم: <strong>{{username}}</strong><br>تسجيل الدخول: <a href="{{loginUrl}}">{{loginUrl}}</a>',
      'سيُطلب منك اختيار كلمة مرور جديدة عند تسجيل الدخول لأول مرة.',
    ]),
  },
]

const alertLabels: Record<string, { alert: string; severity: string; since: string; sms: string }> =
  {
    eng: { alert: 'Alert', severity: 'Severity', since: 'Since', sms: 'Mosaic alert' },
    fra: { alert: 'Alerte', severity: 'Gravité', since: 'Depuis le', sms: 'Alerte Mosaic' },
    ara: { alert: 'تنبيه', severity: 'درجة الخطورة', since: 'منذ', sms: 'تنبيه من Mosaic' },
  }

// French typography puts a (narrow) space before a colon; English and Arabic do not.
const colon = (language: string) => (language === 'fra' ? '\u202f:' : ':')

const alert: NotifyTemplate[] = Object.entries(alertLabels).flatMap(([language, label]) => {
  const c = colon(language)
  return [
    {
      name: 'alert',
      channel: 'email' as const,
      language,
      subject: '[{{severity}}] {{alertName}}',
      text: `${label.alert}${c} {{alertName}}\n${label.severity}${c} {{severity}}\n${label.since}${c} {{startsAt}}\n\n{{summary}}\n`,
      html: page(language, [
        `<strong>${label.alert}${c} {{alertName}}</strong><br>${label.severity}${c} {{severity}}<br>${label.since}${c} {{startsAt}}`,
        '{{summary}}',
      ]),
    },
    {
      name: 'alert',
      channel: 'sms' as const,
      language,
      text: `${label.sms} [{{severity}}] {{alertName}}${c} {{summary}}`,
    },
  ]
})

const reportLabels: Record<string, { subject: string; body: string; note: string }> = {
  eng: {
    subject: 'Report: {{reportName}} ({{period}})',
    body: 'Attached: {{reportName}} for {{period}} (UTC), {{rowCount}} rows, as {{fileName}}.',
    note: 'Sent by a report schedule in Mosaic. The file holds registration ids: do not forward it outside your organisation.',
  },
  fra: {
    subject: 'Rapport : {{reportName}} ({{period}})',
    body: 'Ci-joint : {{reportName}} pour {{period}} (UTC), {{rowCount}} lignes, fichier {{fileName}}.',
    note: 'Envoyé par une planification de rapport de Mosaic. Le fichier contient des numéros d’enregistrement : ne le transférez pas hors de votre organisation.',
  },
  ara: {
    subject: 'تقرير: {{reportName}} ({{period}})',
    body: 'مرفق: {{reportName}} للفترة {{period}} (UTC)، {{rowCount}} صفًا، في الملف {{fileName}}.',
    note: 'أُرسل بواسطة جدول تقارير في Mosaic. يحتوي الملف على أرقام تسجيل: لا تعِد توجيهه خارج مؤسستك.',
  },
}

const report: NotifyTemplate[] = Object.entries(reportLabels).map(([language, label]) => ({
  name: 'report',
  channel: 'email' as const,
  language,
  subject: label.subject,
  text: `${label.body}\n\n${label.note}\n`,
  html: page(language, [label.body, label.note]),
}))

/**
 * Templates that ship with Mosaic, in English, French and Arabic. A programme overrides any
 * of them, or adds languages, through the template API; see docs/notify.md for variables.
 */
export const builtinTemplates: readonly NotifyTemplate[] = [
  ...otp,
  ...welcomeStaff,
  ...alert,
  ...report,
]
