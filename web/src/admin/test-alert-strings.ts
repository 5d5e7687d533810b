/** English strings of resolving an integration's test alert (keys prefixed `integration.resolve.`). */
export const testAlertStringsEn = {
  'integration.resolve.button': 'Resolve the test alert',
  'integration.resolve.hint': 'Sends its resolution through this integration, as your monitoring would.',
  'integration.resolve.sending': 'Resolving…',
  'integration.resolve.incidentResolved': 'The test alert is resolved, and its incident with it:',
  'integration.resolve.incidentOpen':
    'The test alert is resolved; its incident stays open (this integration does not resolve incidents on its own, or another alert fires in it):',
  'integration.resolve.noIncident': 'The test alert is resolved.',
  'integration.resolve.already': 'It was resolved already: nothing was sent.',
};

/** French strings of resolving a test alert: the type makes a missing key a compile error. */
export const testAlertStringsFr: Record<keyof typeof testAlertStringsEn, string> = {
  'integration.resolve.button': "Résoudre l'alerte de test",
  'integration.resolve.hint': 'Envoie sa résolution par cette intégration, comme le ferait votre supervision.',
  'integration.resolve.sending': 'Résolution…',
  'integration.resolve.incidentResolved': "L'alerte de test est résolue, et son incident avec elle :",
  'integration.resolve.incidentOpen':
    "L'alerte de test est résolue ; son incident reste ouvert (cette intégration ne résout pas les incidents d'elle-même, ou une autre alerte y est active) :",
  'integration.resolve.noIncident': "L'alerte de test est résolue.",
  'integration.resolve.already': 'Elle était déjà résolue : rien n’a été envoyé.',
};
