/** English strings of the phone-first layout: the header's menu, the list's and the incident's disclosures. */
export const phoneStringsEn = {
  'phone.menu': 'Menu',
  'phone.menuLabel': 'Pages and account',
  'phone.declare': 'Declare an incident',
  'phone.filtersActive': 'Filters ({count} on)',
  'phone.jump': 'On this page',
  'phone.jumpTimeline': 'Timeline',
  'phone.jumpRunbooks': 'Runbooks',
  'phone.jumpNotes': 'Notes and updates',
  'phone.escalate': 'Escalate',
  'phone.escalatePolicy': 'Page again, from its first level',
  'phone.escalateReason': 'Why (optional, goes to the timeline)',
  'phone.escalateSubmit': 'Page now',
  'phone.escalated': 'Paging {policy} again from its first level.',
  'phone.escalateNone': 'No escalation policy to page: an admin creates one under Admin → Escalation policies.',
};

/** French strings of the phone-first layout: the type makes a missing key a compile error. */
export const phoneStringsFr: Record<keyof typeof phoneStringsEn, string> = {
  'phone.menu': 'Menu',
  'phone.menuLabel': 'Pages et compte',
  'phone.declare': 'Déclarer un incident',
  'phone.filtersActive': 'Filtres ({count} actifs)',
  'phone.jump': 'Sur cette page',
  'phone.jumpTimeline': 'Chronologie',
  'phone.jumpRunbooks': 'Runbooks',
  'phone.jumpNotes': 'Notes et points de situation',
  'phone.escalate': 'Escalader',
  'phone.escalatePolicy': 'Appeler de nouveau, depuis son premier niveau',
  'phone.escalateReason': 'Pourquoi (facultatif, va dans la chronologie)',
  'phone.escalateSubmit': 'Appeler maintenant',
  'phone.escalated': '{policy} est appelée de nouveau depuis son premier niveau.',
  'phone.escalateNone':
    'Aucune politique d’escalade à appeler : un·e admin en crée une dans Administration → Politiques d’escalade.',
};
