import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import type { Queryable } from '../../storage/database.js';
import { loadSchedule } from '../schedules-store/get-schedule.js';
import { buildScheduleTimeline, timelineWindow } from './build-schedule-timeline.js';
import type { ScheduleTimeline, TimelineWindowQuery } from './schedule-timeline-model.js';

const selectUserNames = 'SELECT id::text AS id, name FROM users';

/** Every user's name by id, deactivated people included: a schedule may still name them. */
export async function loadUserNames(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; name: string }>(selectUserNames);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * A saved schedule's timeline (viewer): local days, each layer's shifts, overrides and who is
 * really on call, over `from`–`to` (default: today and the next 13 days, in the schedule's zone).
 */
export async function getScheduleTimeline({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & TimelineWindowQuery;
}): Promise<ScheduleTimeline> {
  requireRole(ctx, 'viewer');
  const schedule = await loadSchedule(ctx.db, input.id);
  const now = ctx.now();
  const window = timelineWindow(schedule.definition.timeZone, now, input);
  return buildScheduleTimeline(schedule.definition, window, await loadUserNames(ctx.db), now);
}
