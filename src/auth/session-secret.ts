import { createHash, randomBytes } from 'node:crypto';

/** The cookie carrying a session's secret. */
export const sessionCookie = 'astreinte_session';
/** Sessions last this long without use… */
export const sessionIdleMs = 12 * 3_600_000;
/** …and at most this long. */
export const sessionMaxMs = 7 * 86_400_000;

export function generateSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Stored: SHA-256 of the secret (256 random bits need no slow KDF). */
export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(`session:${secret}`).digest('hex');
}

/**
 * The CSRF token of a session, derived from its secret: the console reads it from the sign-in
 * answer (or `GET /auth/session`) and sends it as `X-CSRF-Token` with every change. Another site
 * can make the browser send the cookie, but cannot read it (HttpOnly) nor this token.
 */
export function csrfTokenOf(secret: string): string {
  return createHash('sha256').update(`csrf:${secret}`).digest('base64url');
}

/**
 * The session secret in a Cookie header, if any. Read here, not through the cookie plugin: the
 * authentication hook runs before plugins registered with the routes decorate the request.
 */
export function sessionSecretOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === sessionCookie) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}
