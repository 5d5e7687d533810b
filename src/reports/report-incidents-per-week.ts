import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { BucketViewSchema, PeriodViewSchema } from './report-model.js';
import { bucketsJson, bucketView, calendarBuckets, periodFields, resolvePeriod } from './report-period.js';

export const IncidentsPerWeekInput = Type.Object({ ...periodFields }, { additionalProperties: false });
export type IncidentsPerWeekInput = Static<typeof IncidentsPerWeekInput>;

const WeekSchema = Type.Object({
  ...BucketViewSchema.properties,
  incidents: Type.Integer(),
  bySeverity: Type.Object({ P1: Type.Integer(), P2: Type.Integer(), P3: Type.Integer(), P4: Type.Integer() }),
  resolved: Type.Integer({ description: 'of these incidents, those resolved now' }),
});

export const IncidentsPerWeekReportSchema = Type.Object(
  { period: PeriodViewSchema, weeks: Type.Array(WeekSchema), total: Type.Integer() },
  { title: 'IncidentsPerWeekReport' },
);
export type IncidentsPerWeekReport = Static<typeof IncidentsPerWeekReportSchema>;

/** Incidents detected in each week (bucket `idx`), by severity. */
const selectIncidentsPerWeek = `
  SELECT b.idx,
         count(i.id)::int AS incidents,
         count(i.id) FILTER (WHERE i.severity = 'P1')::int AS p1,
         count(i.id) FILTER (WHERE i.severity = 'P2')::int AS p2,
         count(i.id) FILTER (WHERE i.severity = 'P3')::int AS p3,
         count(i.id) FILTER (WHERE i.severity = 'P4')::int AS p4,
         count(i.resolved_at)::int AS resolved
    FROM jsonb_to_recordset($1::jsonb) AS b(idx int, start_at timestamptz, end_at timestamptz)
    LEFT JOIN incidents i ON i.detected_at >= b.start_at AND i.detected_at < b.end_at
   GROUP BY b.idx
   ORDER BY b.idx`;

interface WeekRow {
  [column: string]: unknown;
  idx: number;
  incidents: number;
  p1: number;
  p2: number;
  p3: number;
  p4: number;
  resolved: number;
}

/**
 * Incidents detected per calendar week (Monday to Monday in the requested zone, first and last
 * weeks cut to the period and marked partial), by severity: the weekly load and its trend.
 */
export async function reportIncidentsPerWeek({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: IncidentsPerWeekInput;
}): Promise<IncidentsPerWeekReport> {
  requireRole(ctx, 'viewer');
  const period = resolvePeriod(input, ctx.now());
  const weeks = calendarBuckets(period, 'week');
  const { rows } = await ctx.db.query<WeekRow>(selectIncidentsPerWeek, [bucketsJson(weeks)]);
  const byIdx = new Map(rows.map((row) => [row.idx, row]));
  const views = weeks.map((week, idx) => {
    const row = byIdx.get(idx);
    return {
      ...bucketView(week),
      incidents: row?.incidents ?? 0,
      bySeverity: { P1: row?.p1 ?? 0, P2: row?.p2 ?? 0, P3: row?.p3 ?? 0, P4: row?.p4 ?? 0 },
      resolved: row?.resolved ?? 0,
    };
  });
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone },
    weeks: views,
    total: views.reduce((sum, week) => sum + week.incidents, 0),
  };
}
