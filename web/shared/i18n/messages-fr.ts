import type { Messages } from './messages-en.js'
import { reportingFr } from './messages-reporting-fr.js'

/** French messages. */
export const fr: Messages = {
  'app.name': 'Mosaic',
  'app.tagline': 'Programme d’identité nationale',
  'app.skipToContent': 'Aller au contenu principal',
  'app.loading': 'Chargement…',
  'language.label': 'Langue',

  'error.title': 'Un point demande votre attention',
  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  'error.unauthorized': 'Votre session a expiré. Veuillez vous reconnecter.',
  'error.forbidden': 'Vous n’avez pas l’autorisation d’effectuer cette action.',
  'error.locked': 'Ce compte est verrouillé. Contactez l’administrateur du programme.',
  'error.rateLimited': 'Trop de tentatives. Patientez un instant, puis réessayez.',
  'error.server': 'Le serveur n’a pas pu traiter la demande. Réessayez dans quelques minutes.',
  'error.unexpected': 'Une erreur est survenue. Veuillez réessayer.',
  'error.badCredentials': 'Le nom d’utilisateur ou le mot de passe est incorrect.',

  'login.title': 'Connexion du personnel',
  'login.subtitle': 'Connectez-vous à la console d’administration Mosaic.',
  'login.username': 'Nom d’utilisateur',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.usernameRequired': 'Saisissez votre nom d’utilisateur.',
  'login.passwordRequired': 'Saisissez votre mot de passe.',
  'login.notice':
    'Réservé au personnel autorisé. Les actions effectuées dans cette console sont enregistrées.',
  'login.sessionExpired': 'Votre session a expiré. Veuillez vous reconnecter.',
  'login.signedOut': 'Vous êtes déconnecté.',
  'login.heroTitle': 'Console d’administration',
  'login.heroBody':
    'Rapports, enregistrements, dossiers de fraude, consentements, preuves d’intégrité et état du système de votre programme d’identité nationale, réunis en un seul endroit.',

  'password.title': 'Choisissez un nouveau mot de passe',
  'password.intro': 'Vous devez changer votre mot de passe avant de continuer.',
  'password.current': 'Mot de passe actuel',
  'password.new': 'Nouveau mot de passe',
  'password.confirm': 'Répétez le nouveau mot de passe',
  'password.hint': 'Au moins {min} caractères. Une courte phrase est facile à retenir.',
  'password.currentRequired': 'Saisissez votre mot de passe actuel.',
  'password.tooShort': 'Utilisez au moins {min} caractères.',
  'password.mismatch': 'Les deux mots de passe ne correspondent pas.',
  'password.sameAsCurrent': 'Choisissez un mot de passe différent de l’actuel.',
  'password.submit': 'Changer le mot de passe',
  'password.submitting': 'Enregistrement…',
  'password.changed': 'Votre mot de passe a été changé.',
  'password.signOut': 'Me déconnecter',

  'shell.consoleTitle': 'Administration',
  'shell.navLabel': 'Sections de la console',
  'shell.openMenu': 'Ouvrir la navigation',
  'shell.closeMenu': 'Fermer la navigation',
  'shell.userMenu': 'Utilisateur connecté',
  'shell.logout': 'Se déconnecter',
  'shell.signingOut': 'Déconnexion…',

  'nav.overview': 'Vue d’ensemble',
  'nav.reports': 'Rapports',
  'nav.registrations': 'Enregistrements',
  'nav.masterData': 'Données de référence',
  'nav.fraudCases': 'Dossiers de fraude',
  'nav.consent': 'Consentement',
  'nav.integrity': 'Intégrité',
  'nav.health': 'Santé du système',
  'nav.logs': 'Journaux',
  'nav.notifications': 'Notifications',
  'nav.staffUsers': 'Comptes du personnel',
  'nav.groupOperations': 'Opérations',
  'nav.groupOversight': 'Contrôle',
  'nav.groupSystem': 'Système',

  'section.comingTitle': 'Bientôt disponible',
  'section.reports.summary':
    'Enregistrements quotidiens, mises à jour d’UIN et statistiques par centre.',
  'section.reports.coming':
    'Arrive avec le module de rapports : tableaux de bord en direct, rapports planifiés et exports.',
  'section.registrations.summary': 'Les paquets d’enregistrement et leur état de traitement.',
  'section.registrations.coming':
    'Arrive avec le noyau d’identité : recherche de paquets, étapes de traitement et validation de fin de journée.',
  'section.masterData.summary': 'Centres, machines, appareils, documents et lieux.',
  'section.masterData.coming':
    'Arrive avec le service de données de référence : centres, zones, types de documents et jours fériés.',
  'section.fraudCases.summary': 'Enregistrements et authentifications suspects à examiner.',
  'section.fraudCases.coming':
    'Arrive avec le module antifraude : scores de risque, règles et suivi des dossiers pour les analystes.',
  'section.consent.summary': 'Les consentements donnés par les résidents et leur application.',
  'section.consent.coming':
    'Arrive avec le module de consentement : artefacts de consentement, finalités et audits.',
  'section.integrity.summary':
    'Le journal infalsifiable de chaque modification des dossiers d’identité.',
  'section.integrity.coming':
    'Arrive avec le journal d’intégrité : points de contrôle signés, preuves d’inclusion et de cohérence.',
  'section.health.summary': 'Services, files d’attente et alertes en un coup d’œil.',
  'section.health.coming':
    'Arrive avec la surveillance : sondes, métriques, règles d’alerte et abonnements.',
  'section.logs.summary': 'Recherchez dans les journaux de tous les services Mosaic et MOSIP.',
  'section.logs.coming':
    'Arrive avec le gestionnaire de journaux : recherche, règles de conservation et niveaux de journalisation en direct.',
  'section.notifications.summary': 'Courriels et SMS envoyés aux résidents et au personnel.',
  'section.notifications.coming':
    'Arrive avec les notifications : modèles, état de remise et boîte d’envoi de développement.',
  'section.staffUsers.summary': 'Comptes du personnel, rôles et zones.',
  'section.staffUsers.coming':
    'Arrive avec l’administration du personnel : comptes, rôles, zones et réinitialisation des mots de passe.',

  'overview.summary': 'Votre programme en un coup d’œil.',
  'overview.welcome': 'Bienvenue, {name}',
  'overview.intro':
    'Voici la console d’administration Mosaic. Chaque section de la navigation se remplit dès que son module est activé.',
  'overview.username': 'Nom d’utilisateur',
  'overview.roles': 'Rôles',
  'overview.zones': 'Zones',
  'overview.none': 'Aucune attribution',
  'overview.nextTitle': 'Prochaines étapes',
  'overview.nextBody':
    'Les rapports, les enregistrements et la santé du système seront les premières sections disponibles. D’ici là, l’API du serveur et sa documentation sont à la disposition des intégrateurs.',

  'placeholder.comingSoon': 'Bientôt disponible',
  'placeholder.note':
    'Cette partie de Mosaic est en cours de construction. Aucune donnée n’est encore collectée ici.',
  'placeholder.adminLink': 'Personnel du programme : accéder à la console d’administration',
  'placeholder.resident.title': 'Portail des résidents',
  'placeholder.resident.body':
    'Les résidents pourront suivre l’état de leur enregistrement, générer des identifiants virtuels, verrouiller et déverrouiller l’authentification, consulter les consentements donnés et télécharger leur carte d’identité à code QR.',
  'placeholder.register.title': 'Enregistrement',
  'placeholder.register.body':
    'Les agents d’enregistrement saisiront les données démographiques, les documents et la biométrie sur tablette, même sans connexion, et les superviseurs valideront les enregistrements de la journée.',
  'placeholder.verify.title': 'Vérifier une carte d’identité',
  'placeholder.verify.body':
    'Les banques et autres parties utilisatrices scanneront le code QR d’une carte d’identité et la vérifieront hors ligne, en ne voyant que ce que le résident a choisi de partager.',
  ...reportingFr,
}
