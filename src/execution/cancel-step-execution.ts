import { uuidPattern } from './load-run-step.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';
import type { StepRunner } from './step-runner.js';


const requestCancel = `
  UPDATE step_executions SET cancel_requested_at = COALESCE(cancel_requested_at, $3)
   WHERE run_id = $1::uuid AND id = $2::uuid AND status IN ('queued', 'running')
  RETURNING *`;
const selectExecution = `SELECT status FROM step_executions WHERE run_id = $1::uuid AND id = $2::uuid`;

/**
 * Cancels a queued or running step: its whole process group is killed. The request is a row
 * update, so it reaches the step on whichever node runs it (at its next heartbeat); on this node
 * it applies at once. The step's end, with its output so far, is recorded by the runner.
 */
export async function cancelStepExecution({
  ctx,
  input,
  runner,
}: {
  ctx: Ctx;
  input: { runId: string; executionId: string };
  runner: StepRunner;
}): Promise<StepExecution> {
  requireRole(ctx, 'responder');
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId)) throw notFound('step execution', input.executionId);
  const execution = await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<StepExecutionRow>(requestCancel, [input.runId, input.executionId, tx.now()]);
    const row = rows[0];
    if (row === undefined) {
      const existing = await tx.db.query<{ status: string }>(selectExecution, [input.runId, input.executionId]);
      if (existing.rows[0] === undefined) throw notFound('step execution', input.executionId);
      throw conflict(`the step is already ${existing.rows[0].status}`, { status: existing.rows[0].status });
    }
    await recordAudit(tx, { action: 'step.cancel', targetType: 'run', targetId: input.runId, details: { executionId: input.executionId } });
    return row;
  });
  runner.cancel(input.executionId);
  return toStepExecution(execution);
}
