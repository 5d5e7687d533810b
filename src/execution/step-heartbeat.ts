import { systemActor } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import type { Database } from '../storage/database.js';

const touchExecutions = `
  UPDATE step_executions SET heartbeat_at = $2, node_id = COALESCE(node_id, $3)
   WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running')
  RETURNING id, cancel_requested_at`;

/**
 * Steps of a dead node. SKIP LOCKED: when several nodes sweep at once, each stale step is taken by
 * one of them only, so its timeline says "interrupted" once.
 */
const claimStale = `
  SELECT e.id, e.step_id, r.incident_id FROM step_executions e JOIN runs r ON r.id = e.run_id
   WHERE e.status IN ('queued', 'running') AND COALESCE(e.heartbeat_at, e.requested_at) < $1
   FOR UPDATE OF e SKIP LOCKED`;

const markInterrupted = `UPDATE step_executions SET status = 'interrupted', finished_at = $2 WHERE id = $1`;

/**
 * One beat: refreshes this node's steps, aborts those someone asked to cancel, and marks the
 * steps of nodes that stopped beating as interrupted.
 */
export async function heartbeat(
  db: Database,
  options: { nodeId: string; staleAfterMs: number },
  activeIds: readonly string[],
  abort: (executionId: string) => void,
): Promise<void> {
  const now = new Date();
  if (activeIds.length > 0) {
    const { rows } = await db.query<{ id: string; cancel_requested_at: Date | null }>(touchExecutions, [activeIds, now, options.nodeId]);
    for (const row of rows) if (row.cancel_requested_at !== null) abort(row.id);
  }
  await db.transaction(async (tx) => {
    const stale = await tx.query<{ id: string; step_id: string; incident_id: string | null }>(claimStale, [new Date(now.getTime() - options.staleAfterMs)]);
    for (const row of stale.rows) {
      await tx.query(markInterrupted, [row.id, now]);
      if (row.incident_id === null) continue;
      const ctx: Ctx = { actor: systemActor, requestId: 'step-heartbeat', db: tx, now: () => now };
      await lockIncidentRow(ctx, row.incident_id);
      await appendIncidentEvent(ctx, row.incident_id, 'step_finished', {
        executionId: row.id, stepId: row.step_id, status: 'interrupted', reason: 'the node running it stopped; its output so far is kept',
      });
    }
  });
}
