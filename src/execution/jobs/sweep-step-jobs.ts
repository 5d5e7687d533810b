import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import { lockIncidentRow } from '../../incidents/load-incident.js';
import { endedBeforeRunning, recordStepFinished } from '../record-step-progress.js';
import { afterStepEnded } from './after-step-ended.js';
import { describeSelector } from './runner-selector.js';
import type { RunnerLabels } from './runner-model.js';

/**
 * Steps whose runner stopped beating (a `kill -9`, a lost host). SKIP LOCKED: when several nodes
 * sweep at once, each step is taken by one of them only, so its timeline says "interrupted" once.
 */
const claimStale = `
  SELECT e.id, e.step_id, e.runner_name, e.chain_id, e.chain_index, e.chain_continue, r.incident_id
    FROM step_executions e JOIN runs r ON r.id = e.run_id
   WHERE e.status = 'running' AND COALESCE(e.heartbeat_at, e.started_at) < $1
   FOR UPDATE OF e SKIP LOCKED`;

const markInterrupted = `UPDATE step_executions SET status = 'interrupted', finished_at = $2, end_reason = $3 WHERE id = $1`;

/**
 * Steps no runner claimed in time, counted from when they could first be claimed (for a section's
 * later steps, the end of the step before).
 */
const claimUnclaimed = `
  SELECT e.id, e.step_id, e.runner_selector, e.chain_id, e.chain_index, e.chain_continue, r.incident_id
    FROM step_executions e JOIN runs r ON r.id = e.run_id
   WHERE e.status = 'queued'
     AND COALESCE((SELECT max(p.finished_at) FROM step_executions p WHERE p.chain_id = e.chain_id AND p.chain_index < e.chain_index),
                  e.queued_at, e.requested_at) < $1
     AND (e.chain_id IS NULL OR NOT EXISTS (
           SELECT 1 FROM step_executions p WHERE p.chain_id = e.chain_id AND p.chain_index < e.chain_index AND p.status IN ('queued', 'running')))
   FOR UPDATE OF e SKIP LOCKED`;

interface SweptRow {
  [column: string]: unknown;
  id: string;
  step_id: string;
  chain_id: string | null;
  chain_index: number | null;
  chain_continue: boolean;
  incident_id: string | null;
}

/**
 * One round on any node: running steps whose runner went silent are declared interrupted (their
 * output so far kept, never re-run: a half-run step may not be safe to repeat), and queued steps
 * no runner took within the queue timeout end as cancelled, saying what they waited for.
 * Returns whether a section's next step became claimable.
 */
export async function sweepStepJobs(
  ctx: Ctx,
  options: { staleAfterMs: number; queueTimeoutMs: number },
): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    let next = false;
    const stale = await tx.db.query<SweptRow & { runner_name: string | null }>(claimStale, [
      new Date(now.getTime() - options.staleAfterMs),
    ]);
    for (const row of stale.rows) {
      const reason = `the runner running it (${row.runner_name ?? 'unknown'}) stopped; its output so far is kept`;
      await tx.db.query(markInterrupted, [row.id, now, reason]);
      if (row.incident_id !== null) {
        await lockIncidentRow(tx, row.incident_id);
        await appendIncidentEvent(tx, row.incident_id, {
          type: 'step_finished',
          payload: {
            executionId: row.id,
            stepId: row.step_id,
            status: 'interrupted',
            reason,
          },
        });
      }
      next = (await afterStepEnded(tx, chainOf(row), 'interrupted')) || next;
    }
    const unclaimed = await tx.db.query<SweptRow & { runner_selector: RunnerLabels }>(claimUnclaimed, [
      new Date(now.getTime() - options.queueTimeoutMs),
    ]);
    for (const row of unclaimed.rows) {
      const reason = `no runner took it within ${Math.round(options.queueTimeoutMs / 1000)} s (it needs ${describeSelector(row.runner_selector)})`;
      const status = await recordStepFinished(
        tx,
        { executionId: row.id, incidentId: row.incident_id, stepId: row.step_id },
        endedBeforeRunning('cancelled'),
        { reason },
      );
      if (status !== null) next = (await afterStepEnded(tx, chainOf(row), status)) || next;
    }
    return next;
  });
}

const chainOf = (row: SweptRow): Parameters<typeof afterStepEnded>[1] => ({
  incidentId: row.incident_id,
  chainId: row.chain_id,
  chainIndex: row.chain_index,
  chainContinue: row.chain_continue,
});
