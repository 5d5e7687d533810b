import { Type, type Static } from 'typebox';
import { AppError } from '../core/app-error.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { hashPassword } from './password-hash.js';
import { loadUsableSetupLink } from './setup-link-model.js';
import { openSession, type SignedIn } from './sign-in.js';

export const RedeemSetupLinkInput = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'the `token` of the setup link' }),
    password: Type.String({ minLength: 12, maxLength: 1000, description: 'at least 12 characters' }),
  },
  { additionalProperties: false },
);
export type RedeemSetupLinkInput = Static<typeof RedeemSetupLinkInput>;

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
    const link = await loadUsableSetupLink(tx.db, input.token, tx.now(), true);
    await tx.db.query(markUsed, [link.id, tx.now()]);
    await tx.db.query(setPassword, [link.user.id, hash, tx.now()]);
    await tx.db.query(endSessions, [link.user.id, tx.now()]);
    return openSession(tx, link.user, { method: 'setup_link', setupLinkId: link.id, passwordSet: true });
  });
}
