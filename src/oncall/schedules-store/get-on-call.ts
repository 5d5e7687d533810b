import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { computeShifts } from '../schedules/compute-shifts.js';
import { whoIsOnCall } from '../schedules/who-is-on-call.js';
import { loadSchedule } from './get-schedule.js';

/** Who is on call for a schedule at an instant (default now), with their name, until when and why (viewer). */
export async function getOnCall({ ctx, input }: { ctx: Ctx; input: { id: string; at?: string } }) {
  requireRole(ctx, 'viewer');
  const schedule = await loadSchedule(ctx.db, input.id);
  const at = input.at === undefined ? ctx.now() : new Date(input.at);
  const now = whoIsOnCall(schedule.definition, at);
  if (now === null) return { scheduleId: input.id, at: at.toISOString(), onCall: null };
  const { rows } = await ctx.db.query<{ name: string; email: string }>(
    'SELECT name, email FROM users WHERE id::text = $1',
    [now.userId],
  );
  return {
    scheduleId: input.id,
    at: at.toISOString(),
    onCall: {
      userId: now.userId,
      name: rows[0]?.name ?? now.userId,
      email: rows[0]?.email ?? null,
      until: now.until?.toISOString() ?? null,
      layerId: now.layerId,
      overrideId: now.overrideId,
    },
  };
}

const maxWindowMs = 366 * 24 * 3_600_000;

/** Refuses (400) a window of shifts that is empty, reversed, or longer than a year: computing it is unbounded. */
export function checkShiftWindow(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime()) || to.getTime() - from.getTime() > maxWindowMs) {
    throw validationError('bad window', [
      { path: '/querystring/to', message: 'must be after from, at most a year later' },
    ]);
  }
}

/** A schedule's final shifts between two instants, at most a year (viewer). */
export async function listShifts({ ctx, input }: { ctx: Ctx; input: { id: string; from: string; to: string } }) {
  requireRole(ctx, 'viewer');
  const from = new Date(input.from);
  const to = new Date(input.to);
  checkShiftWindow(from, to);
  const schedule = await loadSchedule(ctx.db, input.id);
  return computeShifts(schedule.definition, from, to).map((shift) => ({
    ...shift,
    start: shift.start.toISOString(),
    end: shift.end.toISOString(),
  }));
}
