/** English strings of the postmortems pages (keys prefixed `postmortems.`). */
export const postmortemsStringsEn = {
};

/** French strings of the postmortems pages: the type makes a missing key a compile error. */
export const postmortemsStringsFr: Record<keyof typeof postmortemsStringsEn, string> = {
};
