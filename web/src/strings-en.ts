/**
 * English strings, and the list of keys every language must give (`MessageKey`).
 * `{name}` marks a value filled in by `t(key, { name })`.
 */
import { adminStringsEn } from './admin/admin-strings';
import { channelsStringsEn } from './channels/channels-strings';
import { policiesStringsEn } from './policies/policies-strings';
import { probesStringsEn } from './probes/probes-strings';
import { inhibitPreviewStringsEn } from './policies/inhibit-preview-strings';
import { phoneStringsEn } from './phone-strings';
import { escalationStringsEn } from './escalation/escalation-strings';
import { profileStringsEn } from './profile/profile-strings';
import { urgencyStringsEn } from './profile/urgency-strings';
import { incidentToolsStringsEn } from './incident-tools/incident-tools-strings';
import { postmortemsStringsEn } from './postmortems/postmortems-strings';
import { reportsStringsEn } from './reports/reports-strings';
import { adoptionFormsStringsEn } from './runbooks/adoption-forms-strings';
import { adoptionStringsEn } from './runbooks/adoption-strings';
import { executionSettingsStringsEn } from './runbooks/execution-settings-strings';
import { escalationAdoptionStringsEn } from './runbooks/escalation-adoption-strings';
import { integrationStringsEn } from './admin/integration-strings';
import { testAlertStringsEn } from './admin/test-alert-strings';
import { runbooksStringsEn } from './runbooks/runbooks-strings';
import { runnersStringsEn } from './runners/runners-strings';
import { secretsStringsEn } from './secrets/secrets-strings';
import { runsStringsEn } from './runs/runs-strings';
import { approvalsStringsEn } from './runs/approvals-strings';
import { serviceEditStringsEn } from './services/service-edit-strings';
import { schedulesStringsEn } from './schedules/schedules-strings';
import { servicesStringsEn } from './services/services-strings';
import { teamsStringsEn } from './teams/teams-strings';

const coreEn = {
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.language': 'Language',
  'app.signOut': 'Sign out',
  'app.signedInAs': 'Signed in as {name} ({role})',
  'app.incidents': 'Incidents',
  'error.network': 'The server cannot be reached. Check the connection and try again.',
  'error.notFound': 'Not found: {what}',
  'common.retry': 'Try again',
  'common.none': '—',

  'signIn.title': 'Sign in to Astreinte',
  'signIn.username': 'User name',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.oidcButton': 'Sign in with {provider}',
  'signIn.oidcOr': 'or with your Astreinte password',
  'signIn.oidcError.disabled': 'Single sign-on is not set up on this server.',
  'signIn.oidcError.expired': 'The sign-in took too long, or this link was already used. Try again.',
  'signIn.oidcError.state': "The answer from the sign-in provider does not match this browser's sign-in. Try again.",
  'signIn.oidcError.provider_refused': 'The sign-in provider did not sign you in (cancelled or not allowed).',
  'signIn.oidcError.provider_unavailable':
    'The sign-in provider cannot be reached. Try again later, or sign in with a password.',
  'signIn.oidcError.invalid_answer':
    "The sign-in provider's answer could not be verified. An administrator can find why in the server logs.",
  'signIn.oidcError.no_role':
    'Your account at the sign-in provider is in no group that gives access to Astreinte. Ask an administrator.',
  'signIn.oidcError.deactivated': 'Your Astreinte account is deactivated. Ask an administrator.',
  'signIn.oidcError.no_email':
    'The sign-in provider gave no verified e-mail address, which a new Astreinte account needs.',
  'signIn.oidcError.email_in_use':
    'Another Astreinte account already has your e-mail address. Ask an administrator to sort it out.',
  'signIn.oidcError.failed': 'Single sign-on failed. Try again, or sign in with a password.',

  'setup.title': 'Choose your password',
  'setup.intro':
    'This link is for the user {username}. Choose the password you will sign in with; the link works only once.',
  'setup.password': 'New password',
  'setup.passwordHint': 'At least 12 characters. A few unrelated words make a good one.',
  'setup.confirm': 'The same password again',
  'setup.mismatch': 'The two passwords differ. Type the same one twice.',
  'setup.submit': 'Save and sign in',
  'setup.submitting': 'Saving…',
  'setup.refused.unknown': 'This setup link is not valid. Check that it was copied whole.',
  'setup.refused.used': 'This setup link was already used, or a newer one replaced it.',
  'setup.refused.expired': 'This setup link has expired (a link works for 24 hours).',
  'setup.newLink': 'An administrator can make a new link on the server with the command: astreinte user setup-link',
  'setup.toSignIn': 'Go to the sign-in page',

  'list.title': 'Incidents',
  'list.filters': 'Filters',
  'list.status': 'Status',
  'list.severity': 'Severity',
  'list.showing': '{shown} shown of {total}',
  'list.empty': 'No incident matches these filters.',
  'list.colId': 'No.',
  'list.colTitle': 'Title',
  'list.colSeverity': 'Severity',
  'list.colStatus': 'Status',
  'list.colServices': 'Services',
  'list.colAge': 'Age',
  'list.overdue': 'OVERDUE',
  'list.overdueHint': 'Past its resolution target',
  'list.stale': 'Changed since: no longer matches the filters',
  'list.service': 'Service',
  'list.anyService': 'Any service',
  'declare.service': 'Service hit',
  'declare.noService': 'Not known yet',

  'stream.live': 'Live',
  'stream.connecting': 'Connecting…',
  'stream.down': 'Not live — reconnecting',

  'declare.title': 'Declare an incident',
  'declare.fieldTitle': 'What is happening?',
  'declare.placeholder': 'Checkout errors on payments-api',
  'declare.severity': 'Severity',
  'declare.submit': 'Declare',
  'declare.submitting': 'Declaring…',
  'declare.done': 'Declared {id}.',
  'declare.open': 'Open it',

  'severity.P1': 'P1 — critical',
  'severity.P2': 'P2 — major',
  'severity.P3': 'P3 — minor',
  'severity.P4': 'P4 — low',

  'status.triggered': 'Triggered',
  'status.acknowledged': 'Acknowledged',
  'status.mitigated': 'Mitigated',
  'status.resolved': 'Resolved',

  'action.acknowledge': 'Acknowledge',
  'action.mitigate': 'Mitigate',
  'action.resolve': 'Resolve',
  'action.reopen': 'Reopen',
  'action.note': 'Why (optional, goes to the timeline)',
  'action.working': 'Sending…',
  'action.conflict': '{message}. Allowed next states: {states}.',
  'action.viewer': 'Read-only: your role (viewer) cannot change incidents.',

  'incident.back': '← All incidents',
  'incident.commander': 'Commander',
  'incident.noCommander': 'No commander yet',
  'incident.openFor': 'Open for {age}',
  'incident.resolvedAfter': 'Resolved after {age}',
  'incident.services': 'Services',
  'incident.due': 'Resolution target {time}',
  'incident.actions': 'Actions',

  'timeline.title': 'Timeline',
  'timeline.empty': 'No event yet.',
  'timeline.by': 'by {name}',

  'update.title': 'Post a status update',
  'update.message': 'Message for stakeholders',
  'update.phase': 'Phase',
  'update.public': 'Public (shown on the status page)',
  'update.submit': 'Post update',
  'update.posted': 'Status update posted.',
  'update.publicMark': 'public',

  'phase.investigating': 'Investigating',
  'phase.identified': 'Identified',
  'phase.monitoring': 'Monitoring',
  'phase.resolved': 'Resolved',

  'note.title': 'Add a note',
  'note.text': 'What you saw, tried or decided',
  'note.submit': 'Add note',
  'note.added': 'Note added.',

  'age.underMinute': '< 1 min',
  'age.minutes': '{m} min',
  'age.hours': '{h} h {mm}',
  'age.days': '{d} d {h} h',

  'event.incident_declared': 'Declared',
  'event.incident_acknowledged': 'Acknowledged',
  'event.incident_mitigated': 'Mitigated',
  'event.incident_resolved': 'Resolved',
  'event.incident_reopened': 'Reopened',
  'event.incident_updated': 'Updated',
  'event.severity_changed': 'Severity changed',
  'event.services_changed': 'Services changed',
  'event.note_added': 'Note',
  'event.status_update_posted': 'Status update',
  'event.status_update_due': 'Status update due',
  'event.role_assigned': 'Role assigned',
  'event.role_unassigned': 'Role unassigned',
  'event.escalation_started': 'Escalation started',
  'event.escalation_level_paged': 'Paged',
  'event.escalation_stopped': 'Escalation stopped',
  'event.run_started': 'Runbook run started',
  'event.run_ended': 'Runbook run ended',
};

/** Every English string: the console's own and each area's (`runbooks/runbooks-strings.ts` …). */
export const en = {
  ...coreEn,
  ...runbooksStringsEn,
  ...adoptionStringsEn,
  ...adoptionFormsStringsEn,
  ...executionSettingsStringsEn,
  ...escalationAdoptionStringsEn,
  ...integrationStringsEn,
  ...testAlertStringsEn,
  ...runsStringsEn,
  ...approvalsStringsEn,
  ...incidentToolsStringsEn,
  ...servicesStringsEn,
  ...serviceEditStringsEn,
  ...teamsStringsEn,
  ...adminStringsEn,
  ...runnersStringsEn,
  ...secretsStringsEn,
  ...postmortemsStringsEn,
  ...reportsStringsEn,
  ...schedulesStringsEn,
  ...escalationStringsEn,
  ...profileStringsEn,
  ...urgencyStringsEn,
  ...channelsStringsEn,
  ...policiesStringsEn,
  ...probesStringsEn,
  ...inhibitPreviewStringsEn,
  ...phoneStringsEn,
};
export type MessageKey = keyof typeof en;
export type CoreMessageKey = keyof typeof coreEn;
