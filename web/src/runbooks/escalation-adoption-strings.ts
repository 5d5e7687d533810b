/** English strings of adopting an escalation matrix on "From your runbooks" (keys `runbooks.adoptEscalation.`). */
export const escalationAdoptionStringsEn = {
  'runbooks.adoptEscalation.open': 'Choose who each level pages',
  'runbooks.adoptEscalation.openLabel': 'Choose who each level pages — “{title}”',
  'runbooks.adoptEscalation.intro':
    'The document names roles, not people. Say who each level pages; “by its name” finds a schedule, team or person called that way.',
  'runbooks.adoptEscalation.id': 'Policy identifier',
  'runbooks.adoptEscalation.idHint': 'Lowercase letters, digits and dashes; fixed once created.',
  'runbooks.adoptEscalation.name': 'Policy name',
  'runbooks.adoptEscalation.level': 'Level {n}: “{written}”, {when}',
  'runbooks.adoptEscalation.atOnce': 'at once',
  'runbooks.adoptEscalation.after': 'after {minutes} min',
  'runbooks.adoptEscalation.byName': 'By its name (“{written}”)',
  'runbooks.adoptEscalation.schedules': 'Schedules',
  'runbooks.adoptEscalation.teams': 'Teams',
  'runbooks.adoptEscalation.people': 'People',
  'runbooks.adoptEscalation.submit': 'Create the policy',
  'runbooks.adoptEscalation.submitLabel': 'Create the policy from “{title}”',
};

/** French strings of adopting an escalation matrix: the type makes a missing key a compile error. */
export const escalationAdoptionStringsFr: Record<keyof typeof escalationAdoptionStringsEn, string> = {
  'runbooks.adoptEscalation.open': 'Choisir qui chaque niveau appelle',
  'runbooks.adoptEscalation.openLabel': 'Choisir qui chaque niveau appelle — « {title} »',
  'runbooks.adoptEscalation.intro':
    'Le document nomme des rôles, pas des personnes. Dites qui chaque niveau appelle ; « par son nom » cherche un planning, une équipe ou une personne de ce nom.',
  'runbooks.adoptEscalation.id': 'Identifiant de la politique',
  'runbooks.adoptEscalation.idHint': 'Minuscules, chiffres et tirets ; fixé à la création.',
  'runbooks.adoptEscalation.name': 'Nom de la politique',
  'runbooks.adoptEscalation.level': 'Niveau {n} : « {written} », {when}',
  'runbooks.adoptEscalation.atOnce': 'tout de suite',
  'runbooks.adoptEscalation.after': 'après {minutes} min',
  'runbooks.adoptEscalation.byName': 'Par son nom (« {written} »)',
  'runbooks.adoptEscalation.schedules': 'Plannings',
  'runbooks.adoptEscalation.teams': 'Équipes',
  'runbooks.adoptEscalation.people': 'Personnes',
  'runbooks.adoptEscalation.submit': 'Créer la politique',
  'runbooks.adoptEscalation.submitLabel': 'Créer la politique depuis « {title} »',
};
