/** English strings of the reports pages (keys prefixed `reports.`). */
export const reportsStringsEn = {
};

/** French strings of the reports pages: the type makes a missing key a compile error. */
export const reportsStringsFr: Record<keyof typeof reportsStringsEn, string> = {
};
