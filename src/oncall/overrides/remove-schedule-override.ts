import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Schedule } from '../schedules/schedule-model.js';
import { lockScheduleDefinition, saveScheduleDefinition } from './override-statements.js';

// The swap whose override goes is no longer in force: it reads as cancelled, not as taken.
const cancelSwapOf = `
  UPDATE shift_swaps SET status = 'cancelled', updated_at = $3
  WHERE schedule_id = $1 AND override_id = $2 AND status = 'taken' RETURNING id`;

/**
 * Takes an override out of a schedule (responder): the layers apply again for its window. An
 * override made by taking a swap cancels that swap, so its requester is on call again and the
 * swap list says so. 404 when the schedule or the override is not there.
 */
export async function removeScheduleOverride({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scheduleId: string; overrideId: string };
}): Promise<void> {
  requireRole(ctx, 'responder');
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ definition: Schedule }>(lockScheduleDefinition, [input.scheduleId]);
    if (rows[0] === undefined) throw notFound('schedule', input.scheduleId);
    const definition = rows[0].definition;
    const removed = definition.overrides.find((o) => o.id === input.overrideId);
    if (removed === undefined) throw notFound('override', input.overrideId);
    definition.overrides = definition.overrides.filter((o) => o.id !== input.overrideId);
    await tx.db.query(saveScheduleDefinition, [input.scheduleId, JSON.stringify(definition), tx.now()]);
    const { rows: swaps } = await tx.db.query<{ id: string }>(cancelSwapOf, [
      input.scheduleId,
      input.overrideId,
      tx.now(),
    ]);
    await recordAudit(tx, {
      action: 'schedule.override.remove',
      targetType: 'schedule',
      targetId: input.scheduleId,
      details: {
        overrideId: removed.id,
        userId: removed.userId,
        startsAt: removed.startsAt,
        endsAt: removed.endsAt,
        ...(swaps[0] === undefined ? {} : { cancelledSwapId: swaps[0].id }),
      },
    });
  });
}
