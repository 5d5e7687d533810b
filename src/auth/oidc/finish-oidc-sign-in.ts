import { timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../core/app-error.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { openSession, type SignedIn } from '../sign-in.js';
import { fetchOidcClaims } from './fetch-oidc-claims.js';
import { mapOidcRole, oidcClaimValues } from './map-oidc-role.js';
import type { OidcClient } from './oidc-client.js';
import { oidcProfileOf } from './oidc-profile.js';
import { oidcRefusal, type OidcRefusalReason } from './oidc-refusal.js';
import { resolveOidcUser } from './resolve-oidc-user.js';
import { hashOidcAttemptSecret } from './start-oidc-sign-in.js';

export interface OidcCallbackInput {
  /** The attempt cookie, when the browser sent one. */
  cookieSecret: string | undefined;
  /** The callback's query string as the provider sent it (`code`, `state`, `iss`, or `error`). */
  query: URLSearchParams;
}

export interface OidcSignedIn extends SignedIn {
  /** The local path to land on, as asked when the sign-in started. */
  next: string;
  /** Whether this sign-in created the Astreinte user. */
  created: boolean;
}

/** Taken and deleted at once: an attempt serves one callback, whichever node receives it. */
const takeAttempt = `
  DELETE FROM oidc_sign_in_attempts WHERE secret_hash = $1
  RETURNING state, nonce, code_verifier, next_path, expires_at`;

/**
 * Ends a single sign-on: checks the answer belongs to this browser's attempt, gets and validates
 * the person's claims from the provider, maps them to a role, finds or creates their user, and
 * opens a session as password sign-in does. Every refusal is an `oidcRefusal` whose
 * `details.next` (once known) lets the sign-in page come back to the same place; refusals of a
 * person the provider did vouch for (no role, deactivated) leave a `session.refuse` audit row.
 */
export async function finishOidcSignIn({
  ctx,
  client,
  input,
}: {
  ctx: Ctx;
  client: OidcClient;
  input: OidcCallbackInput;
}): Promise<OidcSignedIn> {
  const secret = input.cookieSecret ?? '';
  const { rows } =
    secret === '' || secret.length > 200
      ? { rows: [] }
      : await ctx.db.query<{
          state: string;
          nonce: string;
          code_verifier: string;
          next_path: string;
          expires_at: Date;
        }>(takeAttempt, [hashOidcAttemptSecret(secret)]);
  const attempt = rows[0];
  if (attempt === undefined || attempt.expires_at <= ctx.now()) {
    throw oidcRefusal(
      'oidc_expired',
      'no sign-in attempt of this browser is under way (no cookie, already used, or older than ten minutes)',
    );
  }
  const next = attempt.next_path;
  // Compared here, before the provider is called, so a forged answer costs nothing; openid-client
  // checks it again.
  if (!sameText(input.query.get('state') ?? '', attempt.state)) {
    throw oidcRefusal('oidc_state', "the answer's state is not the one of this browser's sign-in attempt", { next });
  }
  const { settings } = client;
  const { issuer, subject, claims } = await fetchOidcClaims(client, input.query, {
    state: attempt.state,
    nonce: attempt.nonce,
    codeVerifier: attempt.code_verifier,
  }).catch((error: unknown) => {
    throw withNext(error, next);
  });
  const values = oidcClaimValues(claims, settings.roleClaim);
  const mapped = mapOidcRole(settings.roleRules, values);
  if (mapped === null) {
    await recordRefusal(ctx, {
      issuer,
      subject,
      reason: 'oidc_no_role',
      claim: settings.roleClaim,
      values: values.slice(0, 50),
    });
    throw oidcRefusal(
      'oidc_no_role',
      `subject ${subject} has no ${settings.roleClaim} value the role map gives a role to`,
      { next },
    );
  }
  const profile = oidcProfileOf(claims, subject);
  const outcome = await inTransaction(ctx, async (tx) => {
    const resolved = await resolveOidcUser(tx, { issuer, profile, mapped });
    if (resolved.kind === 'deactivated') return { kind: 'deactivated' as const, userId: resolved.user.id };
    const { user } = resolved;
    const signedIn = await openSession(
      tx,
      { id: user.id, username: user.username, name: user.name, role: user.role },
      { method: 'oidc', issuer, matchedBy: mapped.matchedBy },
    );
    return { kind: 'signed-in' as const, signedIn, created: resolved.created };
  }).catch((error: unknown) => {
    throw withNext(error, next);
  });
  if (outcome.kind === 'deactivated') {
    await recordRefusal(ctx, { issuer, subject, reason: 'oidc_deactivated', userId: outcome.userId });
    throw oidcRefusal('oidc_deactivated', `the user of subject ${subject} is deactivated`, { next });
  }
  return { ...outcome.signedIn, next, created: outcome.created };
}

async function recordRefusal(
  ctx: Ctx,
  details: { issuer: string; subject: string; reason: OidcRefusalReason } & Record<string, unknown>,
): Promise<void> {
  await recordAudit(ctx, {
    action: 'session.refuse',
    targetType: 'identity',
    targetId: `${details.issuer}#${details.subject}`,
    details: { method: 'oidc', ...details },
  });
}

/** Adds where to come back to an error on its way to the sign-in page. */
function withNext(error: unknown, next: string): unknown {
  if (error instanceof AppError) error.details['next'] = next;
  return error;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
