import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { StepOutput } from './list-step-output.js';
import { uuidPattern } from './load-run-step.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';
import { noRunnerColumn } from './run-statements.js';

/**
 * The execution and its output after `$4`, read together: one statement sees one snapshot, so an
 * execution read as ended comes with every line stored before its end (the runner's last output
 * is stored in the same transaction as the end).
 */
const selectProgress = `
  SELECT e.*, ${noRunnerColumn('$3')},
         COALESCE((SELECT json_agg(json_build_object('seq', o.seq, 'stream', o.stream, 'at', o.at, 'text', o.text) ORDER BY o.seq)
                     FROM step_output o WHERE o.execution_id = e.id AND o.seq > $4), '[]') AS new_output
    FROM step_executions e WHERE e.run_id = $1::uuid AND e.id = $2::uuid`;

type ProgressRow = StepExecutionRow & {
  new_output: { seq: number; stream: StepOutput['stream']; at: string; text: string }[];
};

export interface StepProgress {
  execution: StepExecution;
  /** Output lines after the requested seq, in order. */
  output: StepOutput[];
}

/** A step execution as it stands and its output since `after`, for a follower (the event stream reads this at each change). */
export async function readStepProgress({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { runId: string; executionId: string; after: number };
}): Promise<StepProgress> {
  requireRole(ctx, 'viewer');
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId))
    throw notFound('step execution', input.executionId);
  const row = (
    await ctx.db.query<ProgressRow>(selectProgress, [input.runId, input.executionId, ctx.now(), input.after])
  ).rows[0];
  if (row === undefined) throw notFound('step execution', input.executionId);
  const output = row.new_output.map((line) => ({
    seq: line.seq,
    stream: line.stream,
    at: new Date(line.at).toISOString(),
    text: line.text,
  }));
  return { execution: toStepExecution(row), output };
}
