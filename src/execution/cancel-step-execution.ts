import { uuidPattern } from './load-run-step.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';
import type { StepJobServices } from './jobs/step-job-services.js';
import { afterStepEnded } from './jobs/after-step-ended.js';
import { endedBeforeRunning, recordStepFinished } from './record-step-progress.js';

// The row is locked, not updated, before its one update: a second update of a row in the same
// transaction checks its run's foreign key (a share lock on the run) and could deadlock with endRun.
const lockUnfinished = `
  SELECT e.*, r.incident_id FROM step_executions e JOIN runs r ON r.id = e.run_id
   WHERE e.run_id = $1::uuid AND e.id = $2::uuid AND e.status IN ('queued', 'running')
     FOR UPDATE OF e`;
const requestCancel = `UPDATE step_executions SET cancel_requested_at = COALESCE(cancel_requested_at, $2) WHERE id = $1 RETURNING *`;
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
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId))
    throw notFound('step execution', input.executionId);
  const execution = await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<StepExecutionRow & CancelledRow>(lockUnfinished, [
      input.runId,
      input.executionId,
    ]);
    const row = rows[0];
    if (row === undefined) {
      const existing = await tx.db.query<{ status: string }>(selectExecution, [input.runId, input.executionId]);
      if (existing.rows[0] === undefined) throw notFound('step execution', input.executionId);
      throw conflict(`the step is already ${existing.rows[0].status}`, { status: existing.rows[0].status });
    }
    await recordAudit(tx, {
      action: 'step.cancel',
      targetType: 'run',
      targetId: input.runId,
      details: { executionId: input.executionId },
    });
    if (row.status !== 'queued')
      return { row: (await tx.db.query<StepExecutionRow>(requestCancel, [row.id, tx.now()])).rows[0]!, next: false };
    const ref = { executionId: row.id, incidentId: row.incident_id, stepId: row.step_id };
    await recordStepFinished(tx, ref, endedBeforeRunning('cancelled'), { reason: 'cancelled before a runner took it' });
    const next = await afterStepEnded(
      tx,
      {
        incidentId: row.incident_id,
        chainId: row.chain_id,
        chainIndex: row.chain_index,
        chainContinue: row.chain_continue,
      },
      'cancelled',
    );
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
