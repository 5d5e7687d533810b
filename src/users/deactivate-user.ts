import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { loadUserRow } from './load-user.js';
import { toUser, userColumns, type User, type UserRow } from './user-model.js';

const deactivateUserRow = `UPDATE users SET deactivated_at = $2, updated_at = $2 WHERE id = $1 RETURNING ${userColumns}`;
const revokeUserTokens = `UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`;

/**
 * Deactivates a user (admin) and revokes their API tokens in the same transaction, so nothing
 * they held keeps working. The row stays: timelines and audit rows still name them. Deactivating
 * twice keeps the first time; deactivating yourself is refused, so an admin cannot lock
 * everyone out by mistake.
 */
export async function deactivateUser({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<User> {
  requireRole(ctx, 'admin');
  if (ctx.actor.type === 'user' && ctx.actor.id === input.id) {
    throw conflict('you cannot deactivate yourself; ask another admin', { id: input.id });
  }
  return inTransaction(ctx, async (tx) => {
    const row = await loadUserRow(tx.db, input.id, true);
    if (row.deactivated_at !== null) return toUser(row);
    const { rows } = await tx.db.query<UserRow>(deactivateUserRow, [input.id, tx.now()]);
    const revoked = await tx.db.query<{ id: string }>(revokeUserTokens, [input.id, tx.now()]);
    await recordAudit(tx, {
      action: 'user.deactivate',
      targetType: 'user',
      targetId: input.id,
      details: { username: row.username, revokedTokens: revoked.rows.map((r) => r.id) },
    });
    return toUser(rows[0]!);
  });
}
