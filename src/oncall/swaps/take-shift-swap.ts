import { recordAudit } from '../../audit/record-audit.js';
import { AppError, conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Schedule } from '../schedules/schedule-model.js';
import { swapColumns, toShiftSwap, type ShiftSwap, type ShiftSwapRow } from './shift-swap-model.js';

const lockSwap = `SELECT ${swapColumns} FROM shift_swaps WHERE id = $1::uuid AND schedule_id = $2 FOR UPDATE`;
const lockScheduleDefinition = `SELECT definition FROM schedules WHERE id = $1 FOR UPDATE`;
const saveDefinition = `UPDATE schedules SET definition = $2, updated_at = $3 WHERE id = $1`;
const markTaken = `
  UPDATE shift_swaps SET status = 'taken', taken_by = $2, override_id = $3, updated_at = $4 WHERE id = $1::uuid
  RETURNING ${swapColumns}`;

/**
 * Someone takes an open swap (responder, not its requester): the schedule gets an override with
 * both names (`swap: {requestedBy, takenBy}`), which wins over every layer for that window.
 * Taking a swap already taken answers 409.
 */
export async function takeShiftSwap({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scheduleId: string; swapId: string };
}): Promise<ShiftSwap> {
  requireRole(ctx, 'responder');
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'only a person takes a shift');
  const taker = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<ShiftSwapRow>(lockSwap, [input.swapId, input.scheduleId]);
    const swap = rows[0];
    if (swap === undefined) throw notFound('shift swap', input.swapId);
    if (swap.status !== 'open') throw conflict(`this swap is ${swap.status}`, { status: swap.status });
    if (swap.requested_by === taker)
      throw conflict('you cannot take your own shift', { requestedBy: swap.requested_by });
    const { rows: schedules } = await tx.db.query<{ definition: Schedule }>(lockScheduleDefinition, [input.scheduleId]);
    const definition = schedules[0]!.definition;
    const overrideId = `swap-${swap.id}`;
    definition.overrides.push({
      id: overrideId,
      userId: taker,
      startsAt: swap.starts_at.toISOString(),
      endsAt: swap.ends_at.toISOString(),
      ...(swap.reason === '' ? {} : { reason: swap.reason }),
      swap: { requestedBy: swap.requested_by, takenBy: taker },
    });
    await tx.db.query(saveDefinition, [input.scheduleId, JSON.stringify(definition), tx.now()]);
    const { rows: taken } = await tx.db.query<ShiftSwapRow>(markTaken, [swap.id, taker, overrideId, tx.now()]);
    await recordAudit(tx, {
      action: 'shift_swap.take',
      targetType: 'schedule',
      targetId: input.scheduleId,
      details: { swapId: swap.id, requestedBy: swap.requested_by },
    });
    return toShiftSwap(taken[0]!);
  });
}
