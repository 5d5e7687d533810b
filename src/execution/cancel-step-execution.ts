import { uuidPattern } from './load-run-step.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';
import type { StepJobServices } from './jobs/step-job-services.js';
import { afterStepEnded } from './jobs/after-step-ended.js';
import { recordStepFinished } from './record-step-progress.js';


const requestCancel = `
  UPDATE step_executions e SET cancel_requested_at = COALESCE(e.cancel_requested_at, $3)
    FROM runs r
   WHERE e.run_id = $1::uuid AND e.id = $2::uuid AND e.status IN ('queued', 'running') AND r.id = e.run_id
  RETURNING e.*, r.incident_id`;
const selectExecution = `SELECT status FROM step_executions WHERE run_id = $1::uuid AND id = $2::uuid`;

/**
 * Cancels a queued or running step. A step no runner has claimed yet ends at once (and, in a
 * section run, the steps after it are skipped). A running one gets a cancel request that its
 * runner reads at its next heartbeat, then kills the whole process tree and reports the end,
 * with the output so far.
 */
export async function cancelStepExecution({
  ctx,
  input,
  jobs,
}: {
  ctx: Ctx;
  input: { runId: string; executionId: string };
  jobs: StepJobServices;
}): Promise<StepExecution> {
  requireRole(ctx, 'responder');
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId)) throw notFound('step execution', input.executionId);
  const execution = await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<StepExecutionRow & CancelledRow>(requestCancel, [input.runId, input.executionId, tx.now()]);
    const row = rows[0];
    if (row === undefined) {
      const existing = await tx.db.query<{ status: string }>(selectExecution, [input.runId, input.executionId]);
      if (existing.rows[0] === undefined) throw notFound('step execution', input.executionId);
      throw conflict(`the step is already ${existing.rows[0].status}`, { status: existing.rows[0].status });
    }
    await recordAudit(tx, { action: 'step.cancel', targetType: 'run', targetId: input.runId, details: { executionId: input.executionId } });
    if (row.status !== 'queued') return { row, next: false };
    const ref = { executionId: row.id, incidentId: row.incident_id, stepId: row.step_id };
    await recordStepFinished(tx, ref, cancelledBeforeStart, { reason: 'cancelled before a runner took it' });
    const next = await afterStepEnded(tx, { incidentId: row.incident_id, chainId: row.chain_id, chainIndex: row.chain_index, chainContinue: row.chain_continue }, 'cancelled');
    const ended = (await tx.db.query<StepExecutionRow>(selectEnded, [row.id])).rows[0]!;
    return { row: ended, next };
  });
  if (execution.next) jobs.signal.notify();
  jobs.changes.notify(input.executionId);
  return toStepExecution(execution.row);
}

interface CancelledRow {
  incident_id: string | null;
  chain_id: string | null;
  chain_index: number | null;
  chain_continue: boolean;
}

const selectEnded = `SELECT * FROM step_executions WHERE id = $1`;

const cancelledBeforeStart = {
  outcome: 'cancelled', exitCode: null, signal: null, durationMs: 0, error: null, stdoutBytes: 0, stderrBytes: 0, truncatedBytes: 0,
} as const;
