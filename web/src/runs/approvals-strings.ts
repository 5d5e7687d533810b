/** English strings of the pending approvals at the top of the incident page (keys prefixed `approvals.`). */
export const approvalsStringsEn = {
  'approvals.title': 'Waiting for approval',
  'approvals.count': '{count} destructive step(s) wait for a second responder.',
  'approvals.step': '{step} — {runbook}',
  'approvals.asked': 'Asked by {name}, {time}',
  'approvals.reason': 'Why: {reason}',
  'approvals.command': 'Command as it will run (secrets masked)',
  'approvals.formLabel': 'Approve or refuse “{step}”',
  'approvals.yours': 'Your own request: another responder must approve it.',
  'approvals.decided': 'The request you followed a link to is no longer waiting: it is {status}.',
};

/** French strings of the pending approvals: the type makes a missing key a compile error. */
export const approvalsStringsFr: Record<keyof typeof approvalsStringsEn, string> = {
  'approvals.title': 'En attente d’approbation',
  'approvals.count': '{count} étape(s) destructrice(s) attendent un second intervenant.',
  'approvals.step': '{step} — {runbook}',
  'approvals.asked': 'Demandé par {name}, {time}',
  'approvals.reason': 'Motif : {reason}',
  'approvals.command': 'Commande telle qu’elle s’exécutera (secrets masqués)',
  'approvals.formLabel': 'Approuver ou refuser « {step} »',
  'approvals.yours': 'Votre propre demande : un autre intervenant doit l’approuver.',
  'approvals.decided': 'La demande ouverte par votre lien n’attend plus : elle est {status}.',
};
