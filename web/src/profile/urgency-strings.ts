/** English strings of the urgency of notification rules and test pages (keys prefixed `profile.urgency.`). */
export const urgencyStringsEn = {
  'profile.urgency.label': 'For pages of',
  'profile.urgency.any': 'Any urgency',
  'profile.urgency.high': 'High urgency (P1, P2)',
  'profile.urgency.low': 'Low urgency (P3, P4)',
  'profile.urgency.hint':
    'P1 and P2 incidents page with high urgency, P3 and P4 with low: a rule for one urgency only sends for those pages.',
  'profile.urgency.lane.high': 'A high-urgency page (P1, P2)',
  'profile.urgency.lane.low': 'A low-urgency page (P3, P4)',
  'profile.urgency.laneEmpty': 'No rule: such a page reaches you nowhere.',
  'profile.urgency.test': 'Urgency to try',
  'profile.urgency.tested': 'Tried as a {urgency} page:',
  'profile.urgency.testedNone': 'No rule is for a {urgency} page: nothing was sent.',
  'profile.urgency.word.high': 'high-urgency',
  'profile.urgency.word.low': 'low-urgency',
};

/** French strings of the urgency of notification rules: the type makes a missing key a compile error. */
export const urgencyStringsFr: Record<keyof typeof urgencyStringsEn, string> = {
  'profile.urgency.label': 'Pour les appels',
  'profile.urgency.any': 'De toute urgence',
  'profile.urgency.high': 'Urgence haute (P1, P2)',
  'profile.urgency.low': 'Urgence basse (P3, P4)',
  'profile.urgency.hint':
    "Les incidents P1 et P2 appellent en urgence haute, P3 et P4 en urgence basse : une règle pour une seule urgence n'envoie que pour ces appels.",
  'profile.urgency.lane.high': 'Un appel en urgence haute (P1, P2)',
  'profile.urgency.lane.low': 'Un appel en urgence basse (P3, P4)',
  'profile.urgency.laneEmpty': 'Aucune règle : un tel appel ne vous joint nulle part.',
  'profile.urgency.test': 'Urgence à essayer',
  'profile.urgency.tested': 'Essayé comme un appel {urgency} :',
  'profile.urgency.testedNone': "Aucune règle pour un appel {urgency} : rien n'a été envoyé.",
  'profile.urgency.word.high': 'en urgence haute',
  'profile.urgency.word.low': 'en urgence basse',
};
