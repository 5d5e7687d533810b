import { adminStringsFr } from './admin/admin-strings';
import { channelsStringsFr } from './channels/channels-strings';
import { policiesStringsFr } from './policies/policies-strings';
import { probesStringsFr } from './probes/probes-strings';
import { inhibitPreviewStringsFr } from './policies/inhibit-preview-strings';
import { phoneStringsFr } from './phone-strings';
import { escalationStringsFr } from './escalation/escalation-strings';
import { profileStringsFr } from './profile/profile-strings';
import { urgencyStringsFr } from './profile/urgency-strings';
import { incidentToolsStringsFr } from './incident-tools/incident-tools-strings';
import { postmortemsStringsFr } from './postmortems/postmortems-strings';
import { reportsStringsFr } from './reports/reports-strings';
import { adoptionFormsStringsFr } from './runbooks/adoption-forms-strings';
import { adoptionStringsFr } from './runbooks/adoption-strings';
import { executionSettingsStringsFr } from './runbooks/execution-settings-strings';
import { escalationAdoptionStringsFr } from './runbooks/escalation-adoption-strings';
import { integrationStringsFr } from './admin/integration-strings';
import { testAlertStringsFr } from './admin/test-alert-strings';
import { runbooksStringsFr } from './runbooks/runbooks-strings';
import { runnersStringsFr } from './runners/runners-strings';
import { secretsStringsFr } from './secrets/secrets-strings';
import { runsStringsFr } from './runs/runs-strings';
import { approvalsStringsFr } from './runs/approvals-strings';
import { serviceEditStringsFr } from './services/service-edit-strings';
import { schedulesStringsFr } from './schedules/schedules-strings';
import { servicesStringsFr } from './services/services-strings';
import { teamsStringsFr } from './teams/teams-strings';
import type { CoreMessageKey, MessageKey } from './strings-en';

/** French strings: the type makes a missing or misspelt key a compile error. */
const coreFr: Record<CoreMessageKey, string> = {
  'app.skip': 'Aller au contenu',
  'app.loading': 'Chargement…',
  'app.language': 'Langue',
  'app.signOut': 'Se déconnecter',
  'app.signedInAs': 'Connecté·e : {name} ({role})',
  'app.incidents': 'Incidents',
  'error.network': 'Le serveur ne répond pas. Vérifiez la connexion et réessayez.',
  'error.notFound': 'Introuvable : {what}',
  'common.retry': 'Réessayer',
  'common.none': '—',

  'signIn.title': 'Connexion à Astreinte',
  'signIn.username': 'Identifiant',
  'signIn.password': 'Mot de passe',
  'signIn.submit': 'Se connecter',
  'signIn.submitting': 'Connexion…',
  'signIn.oidcButton': 'Se connecter avec {provider}',
  'signIn.oidcOr': 'ou avec votre mot de passe Astreinte',
  'signIn.oidcError.disabled': "La connexion unique n'est pas configurée sur ce serveur.",
  'signIn.oidcError.expired': 'La connexion a pris trop de temps, ou ce lien a déjà servi. Réessayez.',
  'signIn.oidcError.state':
    "La réponse du fournisseur d'identité ne correspond pas à la connexion de ce navigateur. Réessayez.",
  'signIn.oidcError.provider_refused':
    "Le fournisseur d'identité ne vous a pas connecté·e (annulation ou accès refusé).",
  'signIn.oidcError.provider_unavailable':
    "Le fournisseur d'identité est injoignable. Réessayez plus tard, ou connectez-vous avec un mot de passe.",
  'signIn.oidcError.invalid_answer':
    "La réponse du fournisseur d'identité n'a pas pu être vérifiée. Un administrateur en trouvera la raison dans les journaux du serveur.",
  'signIn.oidcError.no_role':
    "Votre compte chez le fournisseur d'identité n'appartient à aucun groupe donnant accès à Astreinte. Adressez-vous à un administrateur.",
  'signIn.oidcError.deactivated': 'Votre compte Astreinte est désactivé. Adressez-vous à un administrateur.',
  'signIn.oidcError.no_email':
    "Le fournisseur d'identité n'a transmis aucune adresse e-mail vérifiée, nécessaire à la création d'un compte Astreinte.",
  'signIn.oidcError.email_in_use':
    'Un autre compte Astreinte a déjà votre adresse e-mail. Demandez à un administrateur de régler la situation.',
  'signIn.oidcError.failed': 'La connexion unique a échoué. Réessayez, ou connectez-vous avec un mot de passe.',

  'setup.title': 'Choisissez votre mot de passe',
  'setup.intro':
    "Ce lien est pour l'utilisateur {username}. Choisissez le mot de passe avec lequel vous vous connecterez ; le lien ne sert qu'une fois.",
  'setup.password': 'Nouveau mot de passe',
  'setup.passwordHint': 'Au moins 12 caractères. Quelques mots sans rapport font un bon mot de passe.',
  'setup.confirm': 'Le même mot de passe, à nouveau',
  'setup.mismatch': 'Les deux mots de passe diffèrent. Tapez deux fois le même.',
  'setup.submit': 'Enregistrer et se connecter',
  'setup.submitting': 'Enregistrement…',
  'setup.refused.unknown': "Ce lien d'initialisation n'est pas valide. Vérifiez qu'il a été copié en entier.",
  'setup.refused.used': "Ce lien d'initialisation a déjà servi, ou un lien plus récent l'a remplacé.",
  'setup.refused.expired': "Ce lien d'initialisation a expiré (un lien est valable 24 heures).",
  'setup.newLink':
    'Un administrateur peut créer un nouveau lien sur le serveur avec la commande : astreinte user setup-link',
  'setup.toSignIn': 'Aller à la page de connexion',

  'list.title': 'Incidents',
  'list.filters': 'Filtres',
  'list.status': 'Statut',
  'list.severity': 'Sévérité',
  'list.showing': '{shown} affichés sur {total}',
  'list.empty': 'Aucun incident ne correspond à ces filtres.',
  'list.colId': 'N°',
  'list.colTitle': 'Titre',
  'list.colSeverity': 'Sévérité',
  'list.colStatus': 'Statut',
  'list.colServices': 'Services',
  'list.colAge': 'Durée',
  'list.overdue': 'EN RETARD',
  'list.overdueHint': 'Objectif de résolution dépassé',
  'list.stale': 'A changé depuis : ne correspond plus aux filtres',
  'list.service': 'Service',
  'list.anyService': 'Tous les services',
  'declare.service': 'Service touché',
  'declare.noService': 'Pas encore connu',

  'stream.live': 'En direct',
  'stream.connecting': 'Connexion…',
  'stream.down': 'Hors direct — reconnexion',

  'declare.title': 'Déclarer un incident',
  'declare.fieldTitle': 'Que se passe-t-il ?',
  'declare.placeholder': 'Erreurs de paiement sur payments-api',
  'declare.severity': 'Sévérité',
  'declare.submit': 'Déclarer',
  'declare.submitting': 'Déclaration…',
  'declare.done': '{id} déclaré.',
  'declare.open': 'L’ouvrir',

  'severity.P1': 'P1 — critique',
  'severity.P2': 'P2 — majeur',
  'severity.P3': 'P3 — mineur',
  'severity.P4': 'P4 — faible',

  'status.triggered': 'Déclenché',
  'status.acknowledged': 'Acquitté',
  'status.mitigated': 'Atténué',
  'status.resolved': 'Résolu',

  'action.acknowledge': 'Acquitter',
  'action.mitigate': 'Atténuer',
  'action.resolve': 'Résoudre',
  'action.reopen': 'Rouvrir',
  'action.note': 'Pourquoi (facultatif, ajouté à la chronologie)',
  'action.working': 'Envoi…',
  'action.conflict': '{message}. États suivants possibles : {states}.',
  'action.viewer': 'Lecture seule : votre rôle (lecteur) ne permet pas de modifier les incidents.',

  'incident.back': '← Tous les incidents',
  'incident.commander': 'Responsable',
  'incident.noCommander': 'Pas encore de responsable',
  'incident.openFor': 'Ouvert depuis {age}',
  'incident.resolvedAfter': 'Résolu en {age}',
  'incident.services': 'Services',
  'incident.due': 'Objectif de résolution {time}',
  'incident.actions': 'Actions',

  'timeline.title': 'Chronologie',
  'timeline.empty': 'Aucun événement pour l’instant.',
  'timeline.by': 'par {name}',

  'update.title': 'Publier un point de situation',
  'update.message': 'Message pour les parties prenantes',
  'update.phase': 'Phase',
  'update.public': 'Public (affiché sur la page de statut)',
  'update.submit': 'Publier',
  'update.posted': 'Point de situation publié.',
  'update.publicMark': 'public',

  'phase.investigating': 'Analyse en cours',
  'phase.identified': 'Cause identifiée',
  'phase.monitoring': 'Sous surveillance',
  'phase.resolved': 'Résolu',

  'note.title': 'Ajouter une note',
  'note.text': 'Ce que vous avez vu, tenté ou décidé',
  'note.submit': 'Ajouter la note',
  'note.added': 'Note ajoutée.',

  'age.underMinute': '< 1 min',
  'age.minutes': '{m} min',
  'age.hours': '{h} h {mm}',
  'age.days': '{d} j {h} h',

  'event.incident_declared': 'Déclaré',
  'event.incident_acknowledged': 'Acquitté',
  'event.incident_mitigated': 'Atténué',
  'event.incident_resolved': 'Résolu',
  'event.incident_reopened': 'Rouvert',
  'event.incident_updated': 'Modifié',
  'event.severity_changed': 'Sévérité modifiée',
  'event.services_changed': 'Services modifiés',
  'event.note_added': 'Note',
  'event.status_update_posted': 'Point de situation',
  'event.status_update_due': 'Point de situation attendu',
  'event.role_assigned': 'Rôle attribué',
  'event.role_unassigned': 'Rôle retiré',
  'event.escalation_started': 'Escalade lancée',
  'event.escalation_level_paged': 'Appel d’astreinte',
  'event.escalation_stopped': 'Escalade arrêtée',
  'event.run_started': 'Exécution de runbook lancée',
  'event.run_ended': 'Exécution de runbook terminée',
};

export const fr: Record<MessageKey, string> = {
  ...coreFr,
  ...runbooksStringsFr,
  ...adoptionStringsFr,
  ...adoptionFormsStringsFr,
  ...executionSettingsStringsFr,
  ...escalationAdoptionStringsFr,
  ...integrationStringsFr,
  ...testAlertStringsFr,
  ...runsStringsFr,
  ...approvalsStringsFr,
  ...incidentToolsStringsFr,
  ...servicesStringsFr,
  ...serviceEditStringsFr,
  ...teamsStringsFr,
  ...adminStringsFr,
  ...runnersStringsFr,
  ...secretsStringsFr,
  ...postmortemsStringsFr,
  ...reportsStringsFr,
  ...schedulesStringsFr,
  ...escalationStringsFr,
  ...profileStringsFr,
  ...urgencyStringsFr,
  ...channelsStringsFr,
  ...policiesStringsFr,
  ...probesStringsFr,
  ...inhibitPreviewStringsFr,
  ...phoneStringsFr,
};
