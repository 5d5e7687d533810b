import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { toApiToken, type ApiToken, type ApiTokenRow } from './api-token-model.js';

const revokeToken = `
  UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1::uuid
  RETURNING id, user_id, name, role, prefix, created_at, expires_at, revoked_at, last_used_at`;

/** Revokes a token at once (admin); revoking twice keeps the first time. */
export async function revokeApiToken({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ApiToken> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<ApiTokenRow>(revokeToken, [input.id, tx.now()]);
    const row = rows[0];
    if (row === undefined) throw notFound('api token', input.id);
    await recordAudit(tx, { action: 'api_token.revoke', targetType: 'api_token', targetId: input.id });
    return toApiToken(row);
  });
}
