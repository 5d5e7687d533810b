/** English strings of the runbooks pages (keys prefixed `runbooks.`). */
export const runbooksStringsEn = {
};

/** French strings of the runbooks pages: the type makes a missing key a compile error. */
export const runbooksStringsFr: Record<keyof typeof runbooksStringsEn, string> = {
};
