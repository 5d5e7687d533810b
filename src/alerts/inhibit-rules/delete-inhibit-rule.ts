import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';

/** Removes an inhibition rule (admin); alerts it muted page at their next repeat. */
export async function deleteInhibitRule({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const { rowCount } = await tx.db.query('DELETE FROM inhibit_rules WHERE id = $1::uuid', [input.id]);
    if (rowCount === 0) throw notFound('inhibition rule', input.id);
    await recordAudit(tx, { action: 'inhibit_rule.delete', targetType: 'inhibit_rule', targetId: input.id });
  });
}
