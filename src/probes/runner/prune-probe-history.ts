import type { Queryable } from '../../storage/database.js';

/** Hourly figures outlive single results: uptime over a year stays available. */
const hourlyKeptDays = 400;

/**
 * Deletes single results older than `historyHours` and hourly figures older than 400 days. Any
 * node may run it at any time: deleting what is already gone does nothing.
 */
export async function pruneProbeHistory(db: Queryable, now: Date, historyHours: number): Promise<void> {
  await db.query('DELETE FROM probe_results WHERE scheduled_at < $1', [
    new Date(now.getTime() - historyHours * 3_600_000),
  ]);
  await db.query('DELETE FROM probe_hourly WHERE hour < $1', [new Date(now.getTime() - hourlyKeptDays * 86_400_000)]);
}
