import { createHash, randomBytes } from 'node:crypto';

/** Recognisable by secret scanners, like API tokens (`ast_`). */
const setupTokenPrefix = 'asu_';

/** How long a setup link stays usable: a day leaves time to open it, not to find it in an old log. */
export const setupLinkValidMs = 24 * 3_600_000;

/** The console page a setup link opens. */
export const setupPagePath = '/setup';

/** A new setup token: 256 random bits, base64url. */
export function generateSetupToken(): string {
  return setupTokenPrefix + randomBytes(32).toString('base64url');
}

/** What is stored: SHA-256 of the token (256 random bits need no slow KDF). */
export function hashSetupToken(token: string): string {
  return createHash('sha256').update(`setup:${token}`).digest('hex');
}

/** The link a person opens: the console's page with the token in its query. */
export function setupLinkUrl(consoleUrl: string, token: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}${setupPagePath}?token=${encodeURIComponent(token)}`;
}
