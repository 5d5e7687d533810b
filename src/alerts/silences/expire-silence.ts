import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { silenceColumns, toSilence, type Silence, type SilenceRow } from './silence-model.js';

const expireSilenceRow = `
  UPDATE silences SET expired_at = COALESCE(expired_at, $2) WHERE id = $1::uuid
  RETURNING ${silenceColumns}`;

/** Ends a silence now (responder); alerts it muted page at their next repeat. Expiring twice changes nothing. */
export async function expireSilence({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Silence> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<SilenceRow>(expireSilenceRow, [input.id, tx.now()]);
    const row = rows[0];
    if (row === undefined) throw notFound('silence', input.id);
    await recordAudit(tx, { action: 'silence.expire', targetType: 'silence', targetId: input.id });
    return toSilence(row, tx.now());
  });
}
