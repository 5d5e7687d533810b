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
};
