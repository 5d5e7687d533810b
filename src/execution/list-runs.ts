import { noRunnerColumn } from './run-statements.js';
import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { runStatuses, toRun, type Run, type RunRow, type StepExecutionRow } from './run-model.js';

export const ListRunsQuery = Type.Object(
  {
    incidentId: Type.Optional(Type.String({ minLength: 1, description: 'the runs of one incident' })),
    status: Type.Optional(Type.Array(Type.Enum(runStatuses), { description: 'repeat for several' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type ListRunsQuery = Static<typeof ListRunsQuery>;

const selectRuns = `
  SELECT * FROM runs
   WHERE ($1::text IS NULL OR incident_id = $1) AND ($2::text[] IS NULL OR status = ANY($2::text[]))
   ORDER BY started_at DESC, id
   LIMIT $3`;
const selectRunExecutions = `
  SELECT e.*, ${noRunnerColumn('$2')} FROM step_executions e WHERE e.run_id = ANY($1::uuid[]) ORDER BY e.requested_at, e.attempt`;

/**
 * Runs, newest first, each with its step executions: an incident's page shows what was run for it
 * (and what waits for approval) after a reload, or on another responder's screen.
 */
export async function listRuns({ ctx, input }: { ctx: Ctx; input: ListRunsQuery }): Promise<Run[]> {
  requireRole(ctx, 'viewer');
  const runs = await ctx.db.query<RunRow>(selectRuns, [
    input.incidentId ?? null,
    input.status ?? null,
    input.limit ?? 50,
  ]);
  if (runs.rows.length === 0) return [];
  const executions = await ctx.db.query<StepExecutionRow>(selectRunExecutions, [
    runs.rows.map((run) => run.id),
    ctx.now(),
  ]);
  const byRun = new Map<string, StepExecutionRow[]>();
  for (const row of executions.rows) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row]);
  return runs.rows.map((run) => toRun(run, byRun.get(run.id) ?? []));
}
