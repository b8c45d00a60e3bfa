import type { Messages } from './messages-en.js'
import { reportingAr } from './messages-reporting-ar.js'

/** Arabic messages (written right to left; the brand name stays in Latin script). */
export const ar: Messages = {
  'app.name': 'Mosaic',
  'app.tagline': 'برنامج الهوية الوطنية',
  'app.skipToContent': 'الانتقال إلى المحتوى الرئيسي',
  'app.loading': 'جارٍ التحميل…',
  'language.label': 'اللغة',

  'error.title': 'هناك أمر يحتاج إلى انتباهك',
  'error.network': 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك ثم حاول مرة أخرى.',
  'error.unauthorized': 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.',
  'error.forbidden': 'ليست لديك صلاحية للقيام بهذا الإجراء.',
  'error.locked': 'هذا الحساب مقفل. تواصل مع مسؤول البرنامج.',
  'error.rateLimited': 'محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.',
  'error.server': 'تعذّر على الخادم إتمام الطلب. حاول مرة أخرى بعد بضع دقائق.',
  'error.unexpected': 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  'error.badCredentials': 'اسم المستخدم أو كلمة المرور غير صحيحة.',

  'login.title': 'تسجيل دخول الموظفين',
  'login.subtitle': 'سجّل الدخول إلى لوحة إدارة Mosaic.',
  'login.username': 'اسم المستخدم',
  'login.password': 'كلمة المرور',
  'login.submit': 'تسجيل الدخول',
  'login.submitting': 'جارٍ تسجيل الدخول…',
  'login.usernameRequired': 'أدخل اسم المستخدم.',
  'login.passwordRequired': 'أدخل كلمة المرور.',
  'login.notice': 'مخصّص للموظفين المصرّح لهم فقط. تُسجَّل جميع الأنشطة في هذه اللوحة.',
  'login.sessionExpired': 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.',
  'login.signedOut': 'لقد سجّلت الخروج.',
  'login.heroTitle': 'لوحة الإدارة',
  'login.heroBody':
    'التقارير والتسجيلات وقضايا الاحتيال والموافقات وإثباتات سلامة البيانات وحالة النظام لبرنامج الهوية الوطنية، في مكان واحد.',

  'password.title': 'اختر كلمة مرور جديدة',
  'password.intro': 'يجب عليك تغيير كلمة المرور قبل المتابعة.',
  'password.current': 'كلمة المرور الحالية',
  'password.new': 'كلمة المرور الجديدة',
  'password.confirm': 'أعد إدخال كلمة المرور الجديدة',
  'password.hint': '{min} حرفًا على الأقل. يسهل تذكّر جملة قصيرة.',
  'password.currentRequired': 'أدخل كلمة المرور الحالية.',
  'password.tooShort': 'استخدم {min} حرفًا على الأقل.',
  'password.mismatch': 'كلمتا المرور غير متطابقتين.',
  'password.sameAsCurrent': 'اختر كلمة مرور مختلفة عن الحالية.',
  'password.submit': 'تغيير كلمة المرور',
  'password.submitting': 'جارٍ الحفظ…',
  'password.changed': 'تم تغيير كلمة المرور.',
  'password.signOut': 'تسجيل الخروج بدلًا من ذلك',

  'shell.consoleTitle': 'الإدارة',
  'shell.navLabel': 'أقسام لوحة الإدارة',
  'shell.openMenu': 'فتح قائمة التنقل',
  'shell.closeMenu': 'إغلاق قائمة التنقل',
  'shell.userMenu': 'المستخدم الحالي',
  'shell.logout': 'تسجيل الخروج',
  'shell.signingOut': 'جارٍ تسجيل الخروج…',

  'nav.overview': 'نظرة عامة',
  'nav.reports': 'التقارير',
  'nav.registrations': 'التسجيلات',
  'nav.masterData': 'البيانات المرجعية',
  'nav.fraudCases': 'قضايا الاحتيال',
  'nav.consent': 'الموافقات',
  'nav.integrity': 'سلامة البيانات',
  'nav.health': 'حالة النظام',
  'nav.logs': 'سجلات النظام',
  'nav.notifications': 'الإشعارات',
  'nav.staffUsers': 'حسابات الموظفين',
  'nav.groupOperations': 'العمليات',
  'nav.groupOversight': 'الرقابة',
  'nav.groupSystem': 'النظام',

  'section.comingTitle': 'قريبًا',
  'section.reports.summary': 'التسجيلات اليومية وتحديثات رقم الهوية الموحّد وإحصاءات المراكز.',
  'section.reports.coming':
    'يأتي مع وحدة التقارير: لوحات معلومات مباشرة وتقارير مجدولة وعمليات تصدير.',
  'section.registrations.summary': 'حِزم التسجيل وحالة معالجتها.',
  'section.registrations.coming':
    'يأتي مع نواة الهوية: البحث عن الحِزم ومراحل المعالجة واعتماد نهاية اليوم.',
  'section.masterData.summary': 'المراكز والحواسيب والأجهزة والوثائق والمواقع.',
  'section.masterData.coming':
    'يأتي مع خدمة البيانات المرجعية: المراكز والمناطق وأنواع الوثائق والعطل الرسمية.',
  'section.fraudCases.summary': 'تسجيلات وعمليات مصادقة مشبوهة بانتظار المراجعة.',
  'section.fraudCases.coming':
    'يأتي مع وحدة مكافحة الاحتيال: درجات المخاطر والقواعد ومسار عمل القضايا للمحللين.',
  'section.consent.summary': 'الموافقات التي منحها السكان وكيفية إنفاذها.',
  'section.consent.coming': 'يأتي مع وحدة الموافقات: وثائق الموافقة والأغراض وعمليات التدقيق.',
  'section.integrity.summary': 'السجل غير القابل للتلاعب لكل تغيير في سجلات الهوية.',
  'section.integrity.coming': 'يأتي مع سجل السلامة: نقاط تحقّق موقّعة وإثباتات التضمين والاتساق.',
  'section.health.summary': 'الخدمات وطوابير المعالجة والتنبيهات في لمحة واحدة.',
  'section.health.coming':
    'يأتي مع مراقبة حالة النظام: الفحوصات والمقاييس وقواعد التنبيه والاشتراكات.',
  'section.logs.summary': 'ابحث في سجلات جميع خدمات Mosaic وMOSIP.',
  'section.logs.coming': 'يأتي مع مدير السجلات: البحث وسياسات الاحتفاظ ومستويات التسجيل المباشرة.',
  'section.notifications.summary':
    'رسائل البريد الإلكتروني والرسائل النصية المرسلة إلى السكان والموظفين.',
  'section.notifications.coming':
    'يأتي مع الإشعارات: القوالب وحالة التسليم وصندوق الصادر الخاص بالتطوير.',
  'section.staffUsers.summary': 'حسابات الموظفين وأدوارهم ومناطقهم.',
  'section.staffUsers.coming':
    'يأتي مع إدارة الموظفين: الحسابات والأدوار والمناطق وإعادة تعيين كلمات المرور.',

  'overview.summary': 'برنامجك في لمحة واحدة.',
  'overview.welcome': 'مرحبًا، {name}',
  'overview.intro':
    'هذه لوحة إدارة Mosaic. يكتمل كل قسم في قائمة التنقل عند تفعيل الوحدة الخاصة به.',
  'overview.username': 'اسم المستخدم',
  'overview.roles': 'الأدوار',
  'overview.zones': 'المناطق',
  'overview.none': 'لا يوجد',
  'overview.nextTitle': 'ما القادم',
  'overview.nextBody':
    'ستكون التقارير والتسجيلات وحالة النظام أولى الأقسام المتاحة. وحتى ذلك الحين، تتوفر واجهة برمجة التطبيقات الخاصة بالخادم ووثائقها لجهات التكامل.',

  'placeholder.comingSoon': 'قريبًا',
  'placeholder.note': 'هذا الجزء من Mosaic قيد الإنشاء، ولا يجمع أي بيانات حتى الآن.',
  'placeholder.adminLink': 'موظفو البرنامج: الانتقال إلى لوحة الإدارة',
  'placeholder.resident.title': 'بوابة السكان',
  'placeholder.resident.body':
    'سيتمكّن السكان من متابعة حالة تسجيلهم، وإنشاء أرقام هوية افتراضية، وقفل المصادقة وإلغاء قفلها، ومراجعة الموافقات التي منحوها، وتنزيل بطاقة الهوية الخاصة بهم برمز QR.',
  'placeholder.register.title': 'التسجيل',
  'placeholder.register.body':
    'سيُدخل موظفو التسجيل البيانات الديموغرافية والوثائق والبيانات الحيوية على جهاز لوحي، حتى دون اتصال، وسيعتمد المشرفون تسجيلات اليوم.',
  'placeholder.verify.title': 'التحقق من بطاقة هوية',
  'placeholder.verify.body':
    'ستمسح البنوك والجهات المعتمِدة الأخرى رمز QR على بطاقة الهوية وتتحقق منها دون اتصال، ولا ترى إلا ما اختار صاحب البطاقة مشاركته.',
  ...reportingAr,
}
