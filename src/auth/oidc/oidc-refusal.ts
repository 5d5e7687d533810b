import { AppError, type AppErrorCode } from '../../core/app-error.js';

/**
 * Why a single sign-on ended without a session. The sign-in page gets the reason
 * (`/sign-in?error=oidc_no_role`) and shows its own text for it, in the reader's language;
 * the message stays in the server's logs for whoever set the provider up.
 */
export const oidcRefusalReasons = [
  /** Single sign-on is not configured. */
  'oidc_disabled',
  /** No attempt for this browser (no cookie, already used, older than ten minutes). */
  'oidc_expired',
  /** The answer's `state` is not this browser's attempt: forged, replayed or mixed up. */
  'oidc_state',
  /** The provider answered with an error (the person cancelled, or was not allowed). */
  'oidc_provider_refused',
  /** The provider cannot be reached or its discovery document is unusable. */
  'oidc_provider_unavailable',
  /** The token exchange failed or the ID token did not validate (signature, audience, nonce…). */
  'oidc_invalid_answer',
  /** The person's claims match no entry of the role map. */
  'oidc_no_role',
  /** The Astreinte user of this identity is deactivated. */
  'oidc_deactivated',
  /** A new user needs an e-mail and the provider gave none (or an unverified one). */
  'oidc_no_email',
  /** A new user's e-mail belongs to another Astreinte user, who is never taken over by e-mail. */
  'oidc_email_in_use',
] as const;
export type OidcRefusalReason = (typeof oidcRefusalReasons)[number];

/** The error of a refused single sign-on: `details.reason` says which. */
export function oidcRefusal(reason: OidcRefusalReason, message: string, extra: Record<string, unknown> = {}): AppError {
  const code: AppErrorCode =
    reason === 'oidc_provider_unavailable'
      ? 'unavailable'
      : reason === 'oidc_disabled'
        ? 'not_found'
        : 'unauthenticated';
  return new AppError(code, message, { ...extra, reason });
}

/** The reason of an error thrown by a sign-on, or null for anything unexpected (an internal fault). */
export function oidcRefusalReasonOf(error: unknown): OidcRefusalReason | null {
  if (!(error instanceof AppError)) return null;
  const reason = error.details['reason'];
  return typeof reason === 'string' && (oidcRefusalReasons as readonly string[]).includes(reason)
    ? (reason as OidcRefusalReason)
    : null;
}
