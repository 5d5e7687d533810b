/** English strings of the admin pages (keys prefixed `admin.`). */
export const adminStringsEn = {
};

/** French strings of the admin pages: the type makes a missing key a compile error. */
export const adminStringsFr: Record<keyof typeof adminStringsEn, string> = {
};
