import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { PeriodViewSchema, ratio, roundMs } from './report-model.js';
import { periodFields, resolvePeriod } from './report-period.js';

export const RunbookUsageInput = Type.Object(
  { ...periodFields, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) },
  { additionalProperties: false },
);
export type RunbookUsageInput = Static<typeof RunbookUsageInput>;

const RunbookUsageSchema = Type.Object({
  runbookId: Type.String(),
  title: Type.String(),
  runs: Type.Integer({ description: 'runs started in the period' }),
  inIncidents: Type.Integer({ description: 'of which within an incident (the others are rehearsals)' }),
  incidents: Type.Integer({ description: 'distinct incidents it ran in' }),
  active: Type.Integer(),
  verified: Type.Integer(),
  failed: Type.Integer(),
  abandoned: Type.Integer(),
  ended: Type.Integer({ description: 'verified + failed + abandoned' }),
  successRate: Type.Union([Type.Number(), Type.Null()], { description: 'verified / ended, null when none ended' }),
  medianVerifiedSeconds: Type.Union([Type.Number(), Type.Null()], {
    description: 'p50 of start → end of verified runs',
  }),
  stepExecutions: Type.Integer(),
  stepsFailed: Type.Integer({ description: 'executions failed, timed out or interrupted' }),
  failingSteps: Type.Array(Type.Object({ stepId: Type.String(), failures: Type.Integer() }), {
    description: 'its steps that failed most, at most 5',
  }),
});

export const RunbookUsageReportSchema = Type.Object(
  { period: PeriodViewSchema, runbooks: Type.Array(RunbookUsageSchema), totalRuns: Type.Integer() },
  { title: 'RunbookUsageReport' },
);
export type RunbookUsageReport = Static<typeof RunbookUsageReportSchema>;

/** Runs started in [$1, $2) per runbook, most used first, `$3` at most. */
const selectRunbookUsage = `
  WITH scoped AS (
    SELECT r.* FROM runs r WHERE r.started_at >= $1 AND r.started_at < $2
  ),
  steps AS (
    SELECT se.run_id, se.step_id, count(*)::int AS executions,
           count(*) FILTER (WHERE se.status IN ('failed', 'timed-out', 'interrupted'))::int AS failed
      FROM step_executions se
     WHERE se.run_id IN (SELECT id FROM scoped)
     GROUP BY se.run_id, se.step_id
  ),
  per_run AS (
    SELECT run_id, sum(executions)::int AS executions, sum(failed)::int AS failed FROM steps GROUP BY run_id
  ),
  ranked AS (
    SELECT s.runbook_id, count(*)::int AS runs,
           count(s.incident_id)::int AS in_incidents, count(DISTINCT s.incident_id)::int AS incidents,
           count(*) FILTER (WHERE s.status = 'active')::int AS active,
           count(*) FILTER (WHERE s.status = 'verified')::int AS verified,
           count(*) FILTER (WHERE s.status = 'failed')::int AS failed,
           count(*) FILTER (WHERE s.status = 'abandoned')::int AS abandoned,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.ended_at - s.started_at)::float8)
             FILTER (WHERE s.status = 'verified') AS median_verified,
           coalesce(sum(p.executions), 0)::int AS step_executions, coalesce(sum(p.failed), 0)::int AS steps_failed
      FROM scoped s LEFT JOIN per_run p ON p.run_id = s.id
     GROUP BY s.runbook_id
     ORDER BY runs DESC, s.runbook_id
     LIMIT $3
  )
  SELECT k.*, rb.title,
         coalesce((SELECT jsonb_agg(jsonb_build_object('stepId', f.step_id, 'failures', f.failures) ORDER BY f.failures DESC, f.step_id)
                     FROM (SELECT st.step_id, sum(st.failed)::int AS failures
                             FROM steps st JOIN scoped s2 ON s2.id = st.run_id
                            WHERE s2.runbook_id = k.runbook_id
                            GROUP BY st.step_id HAVING sum(st.failed) > 0
                            ORDER BY failures DESC, st.step_id LIMIT 5) f), '[]'::jsonb) AS failing_steps,
         (SELECT count(*)::int FROM scoped) AS total_runs
    FROM ranked k JOIN runbooks rb ON rb.id = k.runbook_id
   ORDER BY k.runs DESC, k.runbook_id`;

interface UsageRow {
  [column: string]: unknown;
  runbook_id: string;
  title: string;
  runs: number;
  in_incidents: number;
  incidents: number;
  active: number;
  verified: number;
  failed: number;
  abandoned: number;
  median_verified: number | null;
  step_executions: number;
  steps_failed: number;
  failing_steps: { stepId: string; failures: number }[];
  total_runs: number;
}

/**
 * Runbooks most used in the period (runs started in it, in incidents or rehearsed) and how they
 * went: success rate = verified runs / ended runs (active runs are not ended yet), step
 * executions and how many failed, and the steps that failed most.
 */
export async function reportRunbookUsage({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: RunbookUsageInput;
}): Promise<RunbookUsageReport> {
  requireRole(ctx, 'viewer');
  const period = resolvePeriod(input, ctx.now());
  const { rows } = await ctx.db.query<UsageRow>(selectRunbookUsage, [period.from, period.to, input.limit ?? 20]);
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone },
    runbooks: rows.map((row) => {
      const ended = row.verified + row.failed + row.abandoned;
      return {
        runbookId: row.runbook_id,
        title: row.title,
        runs: row.runs,
        inIncidents: row.in_incidents,
        incidents: row.incidents,
        active: row.active,
        verified: row.verified,
        failed: row.failed,
        abandoned: row.abandoned,
        ended,
        successRate: ratio(row.verified, ended),
        medianVerifiedSeconds: roundMs(row.median_verified),
        stepExecutions: row.step_executions,
        stepsFailed: row.steps_failed,
        failingSteps: row.failing_steps,
      };
    }),
    totalRuns: rows[0]?.total_runs ?? 0,
  };
}
