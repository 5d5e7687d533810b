import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { swapColumns, toShiftSwap, type ShiftSwap, type ShiftSwapRow } from './shift-swap-model.js';

/** A schedule's swaps, open ones first, then by start (viewer). */
export async function listShiftSwaps({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scheduleId: string };
}): Promise<ShiftSwap[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<ShiftSwapRow>(
    `SELECT ${swapColumns} FROM shift_swaps WHERE schedule_id = $1 ORDER BY (status = 'open') DESC, starts_at, id LIMIT 500`,
    [input.scheduleId],
  );
  return rows.map(toShiftSwap);
}
