import { Type, type Static } from 'typebox';
import type { Role } from '../core/actor.js';
import { AppError } from '../core/app-error.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { hashPassword } from './password-hash.js';
import { hashSetupToken } from './setup-link-secret.js';
import { openSession, type SignedIn } from './sign-in.js';

export const RedeemSetupLinkInput = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'the `token` of the setup link' }),
    password: Type.String({ minLength: 12, maxLength: 1000, description: 'at least 12 characters' }),
  },
  { additionalProperties: false },
);
export type RedeemSetupLinkInput = Static<typeof RedeemSetupLinkInput>;

/** Why a link was refused, in `details.reason` of the 400: the console says each in its own words. */
export const setupLinkRefusals = ['unknown', 'used', 'expired'] as const;
export type SetupLinkRefusal = (typeof setupLinkRefusals)[number];

const messages: Record<SetupLinkRefusal, string> = {
  unknown: 'this setup link is not valid',
  used: 'this setup link was already used (or replaced by a newer one)',
  expired: 'this setup link has expired',
};

const selectLink = `
  SELECT l.id, l.expires_at, l.used_at, l.replaced_at, u.id AS user_id, u.username, u.name, u.role, u.deactivated_at
    FROM setup_links l JOIN users u ON u.id = l.user_id
   WHERE l.token_hash = $1 FOR UPDATE OF l`;
const markUsed = 'UPDATE setup_links SET used_at = $2 WHERE id = $1';
const setPassword = 'UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1::uuid';
const endSessions = 'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1::uuid AND revoked_at IS NULL';

/**
 * Sets the password of the person a setup link was made for, uses the link up and signs them in
 * (no authentication: the link is the credential). A link that is unknown, already used, replaced
 * or past its day answers 400 naming `/token`, with `details.reason`. Their other sessions end,
 * as with any password change; the audit row is the session's, saying it came from a setup link.
 */
export async function redeemSetupLink({ ctx, input }: { ctx: Ctx; input: RedeemSetupLinkInput }): Promise<SignedIn> {
  // Checked here too: the schema guards the API, not other callers.
  if (input.password.length < 12 || input.password.length > 1000)
    throw new AppError('validation_failed', 'invalid password', {
      issues: [{ path: '/password', message: 'must be 12 to 1000 characters' }],
    });
  // Hashed before the transaction: scrypt's ~100 ms should not hold the link's row lock.
  const hash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{
      id: string;
      expires_at: Date;
      used_at: Date | null;
      replaced_at: Date | null;
      user_id: string;
      username: string;
      name: string;
      role: Role;
      deactivated_at: Date | null;
    }>(selectLink, [hashSetupToken(input.token)]);
    const link = rows[0];
    if (link === undefined || link.deactivated_at !== null) throw refused('unknown');
    if (link.used_at !== null || link.replaced_at !== null) throw refused('used');
    if (link.expires_at.getTime() <= tx.now().getTime()) throw refused('expired');
    await tx.db.query(markUsed, [link.id, tx.now()]);
    await tx.db.query(setPassword, [link.user_id, hash, tx.now()]);
    await tx.db.query(endSessions, [link.user_id, tx.now()]);
    return openSession(
      tx,
      { id: link.user_id, username: link.username, name: link.name, role: link.role },
      { method: 'setup_link', setupLinkId: link.id, passwordSet: true },
    );
  });
}

function refused(reason: SetupLinkRefusal): AppError {
  return new AppError('validation_failed', messages[reason], {
    issues: [{ path: '/token', message: messages[reason] }],
    reason,
  });
}
