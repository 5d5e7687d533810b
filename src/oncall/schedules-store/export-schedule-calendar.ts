import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { scheduleToICalendar, userShiftsToICalendar } from '../schedules/schedule-icalendar.js';
import { checkShiftWindow } from './get-on-call.js';
import { loadSchedule } from './get-schedule.js';

const day = 86_400_000;

/**
 * A schedule's shifts as iCalendar (viewer), from a week ago to two months ahead by default;
 * with `userId`, only that person's shifts. Event UIDs are stable, so a subscribed calendar
 * updates shifts rather than duplicating them.
 */
export async function exportScheduleCalendar({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; userId?: string; from?: string; to?: string };
}): Promise<string> {
  requireRole(ctx, 'viewer');
  const now = ctx.now().getTime();
  const from = input.from === undefined ? new Date(now - 7 * day) : new Date(input.from);
  const to = input.to === undefined ? new Date(now + 60 * day) : new Date(input.to);
  checkShiftWindow(from, to);
  const schedule = await loadSchedule(ctx.db, input.id);
  const { rows } = await ctx.db.query<{ id: string; name: string; email: string }>(
    'SELECT id::text AS id, name, email FROM users',
  );
  const options = {
    name: schedule.name,
    users: new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }])),
    from,
    to,
    scheduleId: schedule.id,
    stamp: schedule.updated_at,
  };
  return input.userId === undefined
    ? scheduleToICalendar(schedule.definition, options)
    : userShiftsToICalendar(schedule.definition, input.userId, options);
}
