/** English strings of the services pages (keys prefixed `services.`). */
export const servicesStringsEn = {
};

/** French strings of the services pages: the type makes a missing key a compile error. */
export const servicesStringsFr: Record<keyof typeof servicesStringsEn, string> = {
};
