import { noRunnerColumn } from './run-statements.js';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { uuidPattern } from './load-run-step.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';

const selectExecution = `SELECT e.*, ${noRunnerColumn('$3')} FROM step_executions e WHERE e.run_id = $1::uuid AND e.id = $2::uuid`;

/** One step execution of a run. */
export async function getStepExecution({ ctx, input }: { ctx: Ctx; input: { runId: string; executionId: string } }): Promise<StepExecution> {
  requireRole(ctx, 'viewer');
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId)) throw notFound('step execution', input.executionId);
  const row = (await ctx.db.query<StepExecutionRow>(selectExecution, [input.runId, input.executionId, ctx.now()])).rows[0];
  if (row === undefined) throw notFound('step execution', input.executionId);
  return toStepExecution(row);
}
