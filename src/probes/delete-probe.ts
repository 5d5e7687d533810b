import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { resolveProbeAlerts } from './runner/resolve-probe-alerts.js';

/** Deletes a probe and its history (admin); its firing alerts resolve, saying why. */
export async function deleteProbe({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ name: string }>('SELECT name FROM probes WHERE id = $1::uuid FOR UPDATE', [
      input.id,
    ]);
    if (rows[0] === undefined) throw notFound('probe', input.id);
    await resolveProbeAlerts(tx, [input.id], 'the probe was deleted');
    await tx.db.query('DELETE FROM probes WHERE id = $1::uuid', [input.id]);
    await recordAudit(tx, {
      action: 'probe.delete',
      targetType: 'probe',
      targetId: input.id,
      details: { name: rows[0].name },
    });
  });
}
