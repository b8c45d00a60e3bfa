import { reportingEn } from './messages-reporting-en.js'

/**
 * English messages; the source of truth for which keys exist. Every other language is typed
 * as `Messages`, so a key missing from (or unknown to) a translation fails the typecheck.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const en = {
  'app.name': 'Mosaic',
  'app.tagline': 'National ID programme',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'language.label': 'Language',

  'error.title': 'Something needs your attention',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.unauthorized': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.locked': 'This account is locked. Contact your programme administrator.',
  'error.rateLimited': 'Too many attempts. Wait a moment, then try again.',
  'error.server': 'The server could not complete the request. Try again in a few minutes.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.badCredentials': 'The username or password is incorrect.',

  'login.title': 'Staff sign-in',
  'login.subtitle': 'Sign in to the Mosaic administration console.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.usernameRequired': 'Enter your username.',
  'login.passwordRequired': 'Enter your password.',
  'login.notice': 'For authorised staff only. Activity in this console is recorded.',
  'login.sessionExpired': 'Your session has ended. Please sign in again.',
  'login.signedOut': 'You have signed out.',
  'login.heroTitle': 'Administration console',
  'login.heroBody':
    'Reports, registrations, fraud cases, consent, integrity proofs and system health for your national ID programme, in one place.',

  'password.title': 'Choose a new password',
  'password.intro': 'You must change your password before you continue.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat the new password',
  'password.hint': 'At least {min} characters. A short sentence is easy to remember.',
  'password.currentRequired': 'Enter your current password.',
  'password.tooShort': 'Use at least {min} characters.',
  'password.mismatch': 'The two passwords do not match.',
  'password.sameAsCurrent': 'Choose a password that differs from the current one.',
  'password.submit': 'Change password',
  'password.submitting': 'Saving…',
  'password.changed': 'Your password has been changed.',
  'password.signOut': 'Sign out instead',

  'shell.consoleTitle': 'Administration',
  'shell.navLabel': 'Console sections',
  'shell.openMenu': 'Open navigation',
  'shell.closeMenu': 'Close navigation',
  'shell.userMenu': 'Signed-in user',
  'shell.logout': 'Sign out',
  'shell.signingOut': 'Signing out…',

  'nav.overview': 'Overview',
  'nav.reports': 'Reports',
  'nav.registrations': 'Registrations',
  'nav.masterData': 'Master data',
  'nav.fraudCases': 'Fraud cases',
  'nav.consent': 'Consent',
  'nav.integrity': 'Integrity',
  'nav.health': 'Health',
  'nav.logs': 'Logs',
  'nav.notifications': 'Notifications',
  'nav.staffUsers': 'Staff users',
  'nav.groupOperations': 'Operations',
  'nav.groupOversight': 'Oversight',
  'nav.groupSystem': 'System',

  'section.comingTitle': 'Coming soon',
  'section.reports.summary': 'Daily registrations, UIN updates and centre statistics.',
  'section.reports.coming':
    'Coming with the reporting module: live dashboards, scheduled reports and exports.',
  'section.registrations.summary': 'Registration packets and their processing status.',
  'section.registrations.coming':
    'Coming with the identity core: packet search, processing stages and end-of-day approvals.',
  'section.masterData.summary': 'Centres, machines, devices, documents and locations.',
  'section.masterData.coming':
    'Coming with the master data service: centres, zones, document types and holidays.',
  'section.fraudCases.summary': 'Suspicious registrations and authentications to review.',
  'section.fraudCases.coming':
    'Coming with the fraud module: risk scores, rules and a case workflow for analysts.',
  'section.consent.summary': 'Consent given by residents and how it is enforced.',
  'section.consent.coming':
    'Coming with the consent module: consent artefacts, purposes and audits.',
  'section.integrity.summary': 'The tamper-evident log of every change to identity records.',
  'section.integrity.coming':
    'Coming with the integrity log: signed checkpoints, inclusion and consistency proofs.',
  'section.health.summary': 'Services, queues and alerts at a glance.',
  'section.health.coming':
    'Coming with health monitoring: probes, metrics, alert rules and subscriptions.',
  'section.logs.summary': 'Search the logs of every Mosaic and MOSIP service.',
  'section.logs.coming':
    'Coming with the log manager: search, retention policies and live log levels.',
  'section.notifications.summary': 'Email and SMS messages sent to residents and staff.',
  'section.notifications.coming':
    'Coming with notifications: templates, delivery status and the development outbox.',
  'section.staffUsers.summary': 'Staff accounts, roles and zones.',
  'section.staffUsers.coming':
    'Coming with staff administration: accounts, roles, zones and password resets.',

  'overview.summary': 'Your programme at a glance.',
  'overview.welcome': 'Welcome, {name}',
  'overview.intro':
    'This is the Mosaic administration console. Each section in the navigation fills in as its module is switched on.',
  'overview.username': 'Username',
  'overview.roles': 'Roles',
  'overview.zones': 'Zones',
  'overview.none': 'None assigned',
  'overview.nextTitle': 'What comes next',
  'overview.nextBody':
    'Reports, registrations and health are the first sections to arrive. Until then, the server API and its documentation are available to integrators.',

  'placeholder.comingSoon': 'Coming soon',
  'placeholder.note': 'This part of Mosaic is being built. Nothing here collects data yet.',
  'placeholder.adminLink': 'Programme staff: go to the administration console',
  'placeholder.resident.title': 'Resident portal',
  'placeholder.resident.body':
    'Residents will check the status of their registration, generate virtual IDs, lock and unlock authentication, review the consents they gave and download their QR identity card.',
  'placeholder.register.title': 'Registration',
  'placeholder.register.body':
    'Registration officers will capture demographic details, documents and biometrics on a tablet, even without a connection, and supervisors will approve the day’s registrations.',
  'placeholder.verify.title': 'Verify an identity card',
  'placeholder.verify.body':
    'Banks and other relying parties will scan the QR code on an identity card and check it offline, seeing only what the resident chose to share.',
  ...reportingEn,
} satisfies Record<string, string>

/** Every message key. */
export type MessageKey = keyof typeof en

/** A complete dictionary: one string per key, no more, no fewer. */
export type Messages = Record<MessageKey, string>
