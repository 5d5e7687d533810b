import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import type { Queryable } from '../../storage/database.js';
import { scheduleColumns, toScheduleRecord, type ScheduleRecord, type ScheduleRow } from './schedule-record.js';

/** A schedule's row, or a 404. */
export async function loadSchedule(db: Queryable, id: string): Promise<ScheduleRow> {
  const { rows } = await db.query<ScheduleRow>(`SELECT ${scheduleColumns} FROM schedules WHERE id = $1`, [id]);
  if (rows[0] === undefined) throw notFound('schedule', id);
  return rows[0];
}

/** One schedule (viewer). */
export async function getSchedule({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ScheduleRecord> {
  requireRole(ctx, 'viewer');
  return toScheduleRecord(await loadSchedule(ctx.db, input.id));
}

/** Every schedule, by id (viewer). */
export async function listSchedules({ ctx }: { ctx: Ctx }): Promise<ScheduleRecord[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<ScheduleRow>(`SELECT ${scheduleColumns} FROM schedules ORDER BY id`);
  return rows.map(toScheduleRecord);
}
