import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError, validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { computeShifts } from '../schedules/compute-shifts.js';
import { loadSchedule } from '../schedules-store/get-schedule.js';
import { swapColumns, toShiftSwap, type ShiftSwap, type ShiftSwapRow } from './shift-swap-model.js';

export const RequestShiftSwapInput = Type.Object(
  {
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type RequestShiftSwapInput = Static<typeof RequestShiftSwapInput>;

const insertSwap = `
  INSERT INTO shift_swaps (schedule_id, requested_by, starts_at, ends_at, reason, status, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, 'open', $6, $6)
  RETURNING ${swapColumns}`;

/**
 * A person asks for cover of (part of) their own shift (responder): they must be on call for the
 * whole window, which must not be over. Someone else takes it with `takeShiftSwap`.
 */
export async function requestShiftSwap({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scheduleId: string } & RequestShiftSwapInput;
}): Promise<ShiftSwap> {
  requireRole(ctx, 'responder');
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'only a person asks for cover of their shift');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= startsAt.getTime())
    throw validationError('the window ends before it starts', [{ path: '/endsAt', message: 'must be after startsAt' }]);
  if (endsAt.getTime() <= ctx.now().getTime())
    throw validationError('the window is over', [{ path: '/endsAt', message: 'must be in the future' }]);
  const requester = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const schedule = await loadSchedule(tx.db, input.scheduleId);
    const shifts = computeShifts(schedule.definition, startsAt, endsAt);
    if (shifts.length === 0 || shifts.some((shift) => shift.userId !== requester)) {
      throw validationError('you are not on call for all of this window', [
        { path: '/startsAt', message: 'ask for cover of a window where you are on call' },
      ]);
    }
    const { rows } = await tx.db.query<ShiftSwapRow>(insertSwap, [
      input.scheduleId,
      requester,
      startsAt,
      endsAt,
      input.reason ?? '',
      tx.now(),
    ]);
    const swap = toShiftSwap(rows[0]!);
    await recordAudit(tx, {
      action: 'shift_swap.request',
      targetType: 'schedule',
      targetId: input.scheduleId,
      details: { swapId: swap.id },
    });
    return swap;
  });
}
