import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Ctx } from '../../core/context.js';
import type { OidcClient } from './oidc-client.js';

/** The cookie binding a sign-in under way to the browser that started it. */
export const oidcAttemptCookie = 'astreinte_oidc';
/** How long a person has at the provider before the attempt is forgotten. */
export const oidcAttemptMs = 10 * 60_000;

export interface OidcSignInStarted {
  /** The cookie's value: shown once, only its hash is kept. */
  cookieSecret: string;
  /** Where to send the browser: the provider's authorization endpoint with this attempt's parameters. */
  authorizationUrl: string;
}

const deleteExpired = `DELETE FROM oidc_sign_in_attempts WHERE expires_at < $1`;
const insertAttempt = `
  INSERT INTO oidc_sign_in_attempts (secret_hash, state, nonce, code_verifier, next_path, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;

/** The stored key of an attempt cookie (256 random bits: a fast hash is enough). */
export function hashOidcAttemptSecret(secret: string): string {
  return createHash('sha256').update(`oidc-attempt:${secret}`).digest('hex');
}

/**
 * Where to land after signing in: `next` when it is a path of this server, else `/`. Browsers
 * read `//host`, `/\host` and a path with a tab or newline in it (`/\t/host`, stripped to
 * `//host`) as another site, so any of those falls back, as do the sign-in pages themselves.
 */
export function safeNextPath(next: string | undefined): string {
  if (next === undefined || next.length > 2000 || !next.startsWith('/') || next.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  const base = 'http://astreinte.invalid';
  const url = new URL(next, base);
  if (url.origin !== base || url.pathname.startsWith('/auth/') || url.pathname === '/sign-in') return '/';
  return url.pathname + url.search + url.hash;
}

/**
 * Starts a single sign-on: a fresh state, nonce and PKCE verifier, kept in the database under
 * the hash of a cookie secret, and the provider's URL to send the browser to. The state alone
 * would not do: without the cookie, a callback URL carrying someone else's code and state, sent
 * to a victim, would sign the victim in as that someone (login CSRF). Expired attempts are
 * swept here, a start being rare and cheap.
 */
export async function startOidcSignIn({
  ctx,
  client: oidc,
  input,
}: {
  ctx: Ctx;
  client: OidcClient;
  input: { next?: string };
}): Promise<OidcSignInStarted> {
  const configuration = await oidc.configuration();
  const cookieSecret = randomBytes(32).toString('base64url');
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = ctx.now();
  await ctx.db.query(deleteExpired, [now]);
  await ctx.db.query(insertAttempt, [
    hashOidcAttemptSecret(cookieSecret),
    state,
    nonce,
    codeVerifier,
    safeNextPath(input.next),
    now,
    new Date(now.getTime() + oidcAttemptMs),
  ]);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.settings.redirectUrl,
    scope: oidc.settings.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { cookieSecret, authorizationUrl: url.href };
}
