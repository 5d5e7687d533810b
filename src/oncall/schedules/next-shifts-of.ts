import { computeShifts } from './compute-shifts.js';
import type { Schedule, Shift } from './schedule-model.js';

/**
 * One user's pieces of the final timeline between two instants, in order: what they will really
 * be on call for, after layering, restrictions and overrides (their overrides included, shifts
 * taken from them by an override or a later layer left out). Pieces are cut at `from` and `to`
 * like `computeShifts`, and a user's consecutive pieces from different sources stay apart
 * (say, a layer shift followed by an override they took). The schedule must have passed
 * `checkSchedule`.
 */
export function nextShiftsOf(schedule: Schedule, userId: string, from: Date, to: Date): Shift[] {
  return computeShifts(schedule, from, to).filter((shift) => shift.userId === userId);
}
