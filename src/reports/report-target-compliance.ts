import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { GroupKeySchema, PeriodViewSchema, ratio, ReportGroupingSchema } from './report-model.js';
import { periodFields, resolvePeriod } from './report-period.js';
import { groupedIncidentsCte, groupNameExpression } from './report-statements.js';

export const TargetComplianceInput = Type.Object(
  { ...periodFields, groupBy: Type.Optional(ReportGroupingSchema) },
  { additionalProperties: false },
);
export type TargetComplianceInput = Static<typeof TargetComplianceInput>;

const ComplianceCountsSchema = Type.Object({
  incidents: Type.Integer({ description: 'incidents detected in the period' }),
  withoutTarget: Type.Integer({ description: 'their severity sets no resolution target (P4 by default)' }),
  withinTarget: Type.Integer({ description: 'resolved no later than detection + target' }),
  missedTarget: Type.Integer({ description: 'resolved later, or still open past their target' }),
  pending: Type.Integer({ description: 'still open, target not yet reached: not counted in the ratio' }),
  withinTargetRatio: Type.Union([Type.Number(), Type.Null()], {
    description: 'withinTarget / (withinTarget + missedTarget), null when both are 0',
  }),
});

export const TargetComplianceReportSchema = Type.Object(
  {
    period: PeriodViewSchema,
    groupBy: ReportGroupingSchema,
    groups: Type.Array(Type.Object({ ...GroupKeySchema, ...ComplianceCountsSchema.properties })),
    overall: ComplianceCountsSchema,
  },
  { title: 'TargetComplianceReport' },
);
export type TargetComplianceReport = Static<typeof TargetComplianceReportSchema>;

// `$4` is now: an open incident past its due time has already missed it.
const counts = `
  count(*)::int AS incidents,
  count(*) FILTER (WHERE resolution_target_minutes IS NULL)::int AS without_target,
  count(*) FILTER (WHERE resolved_at IS NOT NULL
                     AND resolved_at <= detected_at + make_interval(mins => resolution_target_minutes))::int AS within_target,
  count(*) FILTER (WHERE coalesce(resolved_at, $4) > detected_at + make_interval(mins => resolution_target_minutes))::int AS missed_target,
  count(*) FILTER (WHERE resolved_at IS NULL
                     AND $4 <= detected_at + make_interval(mins => resolution_target_minutes))::int AS pending`;

const selectTargetCompliance = `${groupedIncidentsCte}
  SELECT false AS is_total, group_key, ${groupNameExpression} AS group_name, ${counts}
    FROM keyed GROUP BY group_key
  UNION ALL
  SELECT true, NULL, NULL, ${counts} FROM scoped
  ORDER BY is_total, group_key NULLS LAST`;

interface ComplianceRow {
  [column: string]: unknown;
  is_total: boolean;
  group_key: string | null;
  group_name: string | null;
  incidents: number;
  without_target: number;
  within_target: number;
  missed_target: number;
  pending: number;
}

function countsOf(row: ComplianceRow) {
  return {
    incidents: row.incidents,
    withoutTarget: row.without_target,
    withinTarget: row.within_target,
    missedTarget: row.missed_target,
    pending: row.pending,
    withinTargetRatio: ratio(row.within_target, row.within_target + row.missed_target),
  };
}

/**
 * The share of incidents detected in the period resolved within their severity's resolution
 * target (as the policy stands now, against the incident's current severity), by severity,
 * service or team. The boundary counts as within, as `overdue` does.
 */
export async function reportTargetCompliance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: TargetComplianceInput;
}): Promise<TargetComplianceReport> {
  requireRole(ctx, 'viewer');
  const now = ctx.now();
  const period = resolvePeriod(input, now);
  const groupBy = input.groupBy ?? 'severity';
  const { rows } = await ctx.db.query<ComplianceRow>(selectTargetCompliance, [period.from, period.to, groupBy, now]);
  const total = rows.find((row) => row.is_total);
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone },
    groupBy,
    groups: rows
      .filter((row) => !row.is_total)
      .map((row) => ({ key: row.group_key, name: row.group_name, ...countsOf(row) })),
    overall:
      total === undefined
        ? { incidents: 0, withoutTarget: 0, withinTarget: 0, missedTarget: 0, pending: 0, withinTargetRatio: null }
        : countsOf(total),
  };
}
