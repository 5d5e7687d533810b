import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { recordAudit } from '../../audit/record-audit.js';

const markDisconnected = `UPDATE runners SET disconnected_at = $3, last_seen_at = $3 WHERE id = $1::uuid AND token_id = $2::uuid AND disconnected_at IS NULL RETURNING id`;

/** A runner stopping cleanly says so: it is shown disconnected at once instead of after its heartbeat window. */
export async function deregisterRunner({ ctx, input }: { ctx: Ctx; input: { runnerId: string } }): Promise<void> {
  const runner = requireRunner(ctx);
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query(markDisconnected, [input.runnerId, runner.tokenId, tx.now()]);
    if (rows.length > 0)
      await recordAudit(tx, { action: 'runner.disconnect', targetType: 'runner', targetId: input.runnerId });
  });
}
