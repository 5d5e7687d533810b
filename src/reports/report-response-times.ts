import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import {
  DurationStatsSchema,
  GroupKeySchema,
  PeriodViewSchema,
  ReportGroupingSchema,
  roundMs,
  type DurationStats,
} from './report-model.js';
import { periodFields, resolvePeriod } from './report-period.js';
import { groupedIncidentsCte, groupNameExpression, secondsBetween } from './report-statements.js';

export const ResponseTimesInput = Type.Object(
  { ...periodFields, groupBy: Type.Optional(ReportGroupingSchema) },
  { additionalProperties: false },
);
export type ResponseTimesInput = Static<typeof ResponseTimesInput>;

const ResponseTimesGroupSchema = Type.Object({
  ...GroupKeySchema,
  incidents: Type.Integer({ description: 'incidents detected in the period' }),
  mtta: DurationStatsSchema,
  mttr: DurationStatsSchema,
});

export const ResponseTimesReportSchema = Type.Object(
  {
    period: PeriodViewSchema,
    groupBy: ReportGroupingSchema,
    groups: Type.Array(ResponseTimesGroupSchema),
    overall: Type.Omit(ResponseTimesGroupSchema, ['key', 'name']),
  },
  { title: 'ResponseTimesReport' },
);
export type ResponseTimesReport = Static<typeof ResponseTimesReportSchema>;

const mtta = secondsBetween('first_ack_at', 'detected_at');
const mttr = secondsBetween('resolved_at', 'detected_at');
const stats = `
  count(*)::int AS incidents,
  count(first_ack_at)::int AS mtta_count,
  avg(${mtta}) AS mtta_mean,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${mtta}) AS mtta_p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${mtta}) AS mtta_p90,
  count(resolved_at)::int AS mttr_count,
  avg(${mttr}) AS mttr_mean,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${mttr}) AS mttr_p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${mttr}) AS mttr_p90`;

/** One row per group, then the overall row (`is_total`), counted once per incident. */
const selectResponseTimes = `${groupedIncidentsCte}
  SELECT false AS is_total, group_key, ${groupNameExpression} AS group_name, ${stats}
    FROM keyed GROUP BY group_key
  UNION ALL
  SELECT true, NULL, NULL, ${stats} FROM scoped
  ORDER BY is_total, group_key NULLS LAST`;

/** A row of `selectResponseTimes`. */
export interface ResponseTimesRow {
  [column: string]: unknown;
  is_total: boolean;
  group_key: string | null;
  group_name: string | null;
  incidents: number;
  mtta_count: number;
  mtta_mean: number | null;
  mtta_p50: number | null;
  mtta_p90: number | null;
  mttr_count: number;
  mttr_mean: number | null;
  mttr_p50: number | null;
  mttr_p90: number | null;
}

function durationStats(row: ResponseTimesRow, prefix: 'mtta' | 'mttr'): DurationStats {
  return {
    count: row[`${prefix}_count`],
    meanSeconds: roundMs(row[`${prefix}_mean`]),
    p50Seconds: roundMs(row[`${prefix}_p50`]),
    p90Seconds: roundMs(row[`${prefix}_p90`]),
  };
}

/**
 * Mean time to acknowledge and to resolve (with p50 and p90, and how many incidents each
 * describes) of the incidents detected in the period, by severity, service or team, and overall.
 * Unacknowledged or unresolved incidents count in `incidents` but not in the durations.
 */
export async function reportResponseTimes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ResponseTimesInput;
}): Promise<ResponseTimesReport> {
  requireRole(ctx, 'viewer');
  const period = resolvePeriod(input, ctx.now());
  const groupBy = input.groupBy ?? 'severity';
  const { rows } = await ctx.db.query<ResponseTimesRow>(selectResponseTimes, [period.from, period.to, groupBy]);
  const view = (row: ResponseTimesRow) => ({
    incidents: row.incidents,
    mtta: durationStats(row, 'mtta'),
    mttr: durationStats(row, 'mttr'),
  });
  const total = rows.find((row) => row.is_total);
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone },
    groupBy,
    groups: rows
      .filter((row) => !row.is_total)
      .map((row) => ({ key: row.group_key, name: row.group_name, ...view(row) })),
    overall:
      total === undefined
        ? {
            incidents: 0,
            mtta: { count: 0, meanSeconds: null, p50Seconds: null, p90Seconds: null },
            mttr: { count: 0, meanSeconds: null, p50Seconds: null, p90Seconds: null },
          }
        : view(total),
  };
}
