/** English strings of the runs pages (keys prefixed `runs.`). */
export const runsStringsEn = {
};

/** French strings of the runs pages: the type makes a missing key a compile error. */
export const runsStringsFr: Record<keyof typeof runsStringsEn, string> = {
};
