/** English strings of the "From your runbooks" page (keys prefixed `runbooks.adopt.`). */
export const adoptionStringsEn = {
  'runbooks.adopt.title': 'From your runbooks',
  'runbooks.adopt.intro':
    'What your imported runbooks already say — severity classes, checklists, people to reach — and what adopting each would create. Nothing is sent to anyone.',
  'runbooks.adopt.empty': 'No draft yet: import your runbooks to find what they already say.',
  'runbooks.adopt.status.draft': 'To review',
  'runbooks.adopt.status.adopted': 'Adopted',
  'runbooks.adopt.entries': 'What adopting does',
  'runbooks.adopt.action.create': 'Creates',
  'runbooks.adopt.action.update': 'Changes',
  'runbooks.adopt.action.keep': 'Already there',
  'runbooks.adopt.action.skip': 'Left out',
  'runbooks.adopt.warning': 'To fill in: {text}',
  'runbooks.adopt.button': 'Adopt',
  'runbooks.adopt.buttonLabel': 'Adopt “{title}”',
  'runbooks.adopt.nothingNew': 'Everything is already there: adopting again would create nothing.',
  'runbooks.adopt.needsMore': 'Adopting this needs choices the document does not make: use {endpoint}.',
  'runbooks.adopt.blocked': 'Cannot be adopted as it stands: {reason}',
  'runbooks.adopt.done': 'Adopted “{title}”: {count} created or changed.',
};

/** French strings of the "From your runbooks" page: the type makes a missing key a compile error. */
export const adoptionStringsFr: Record<keyof typeof adoptionStringsEn, string> = {
  'runbooks.adopt.title': 'Depuis vos runbooks',
  'runbooks.adopt.intro':
    'Ce que vos runbooks importés disent déjà — niveaux de sévérité, listes de contrôle, personnes à joindre — et ce que l’adoption de chacun créerait. Rien n’est envoyé à personne.',
  'runbooks.adopt.empty': 'Aucun brouillon pour l’instant : importez vos runbooks pour trouver ce qu’ils disent déjà.',
  'runbooks.adopt.status.draft': 'À examiner',
  'runbooks.adopt.status.adopted': 'Adopté',
  'runbooks.adopt.entries': 'Ce que fait l’adoption',
  'runbooks.adopt.action.create': 'Crée',
  'runbooks.adopt.action.update': 'Modifie',
  'runbooks.adopt.action.keep': 'Déjà là',
  'runbooks.adopt.action.skip': 'Laissé de côté',
  'runbooks.adopt.warning': 'À compléter : {text}',
  'runbooks.adopt.button': 'Adopter',
  'runbooks.adopt.buttonLabel': 'Adopter « {title} »',
  'runbooks.adopt.nothingNew': 'Tout est déjà là : adopter à nouveau ne créerait rien.',
  'runbooks.adopt.needsMore': 'L’adoption demande des choix que le document ne fait pas : utilisez {endpoint}.',
  'runbooks.adopt.blocked': 'Ne peut pas être adopté en l’état : {reason}',
  'runbooks.adopt.done': '« {title} » adopté : {count} créé(s) ou modifié(s).',
};
