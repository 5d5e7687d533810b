import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import { deliveryColumns, toDelivery, type Delivery } from './list-deliveries.js';

const replayable = ['dead', 'unknown'];

/**
 * Sends a dead-lettered (or crash-uncertain) delivery again, now (admin): back to `pending`, with
 * a fresh set of retries. Other states answer 409 (a delivery sent or in flight is not replayed).
 */
export async function replayDelivery({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Delivery> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM notification_deliveries WHERE id = $1 FOR UPDATE',
      [input.id],
    );
    const current = rows[0];
    if (current === undefined) throw notFound('delivery', input.id);
    if (!replayable.includes(current.status))
      throw conflict(`a ${current.status} delivery is not replayed`, { status: current.status, replayable });
    const now = tx.now();
    const { rows: updated } = await tx.db.query<Parameters<typeof toDelivery>[0]>(
      `UPDATE notification_deliveries SET status = 'pending', attempts = 0, updated_at = $2 WHERE id = $1 RETURNING ${deliveryColumns}`,
      [input.id, now],
    );
    await scheduleTimer(tx.db, {
      id: `deliver:${input.id}:replay${now.getTime()}`,
      kind: timerKinds.deliver,
      dueAt: now,
      payload: { deliveryId: input.id },
    });
    await recordAudit(tx, {
      action: 'notification_delivery.replay',
      targetType: 'notification_delivery',
      targetId: input.id,
      details: { from: current.status, attempts: current.attempts },
    });
    return toDelivery(updated[0]!);
  });
}
