import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { lockActiveRun } from './load-run-step.js';
import { loadRun } from './load-run.js';
import type { Run } from './run-model.js';

export const EndRunInput = Type.Object(
  {
    outcome: Type.Enum(['verified', 'failed', 'abandoned']),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type EndRunInput = Static<typeof EndRunInput>;

const unfinished = `SELECT id, step_id, status FROM step_executions WHERE run_id = $1 AND status IN ('queued', 'running', 'awaiting-approval')`;
/**
 * Running steps get a cancel request (their runner kills them); steps awaiting approval, or queued
 * and not claimed by a runner yet, end now (their sealed values dropped).
 */
const abandonUnfinished = `
  UPDATE step_executions SET cancel_requested_at = COALESCE(cancel_requested_at, $2),
         status = CASE WHEN status IN ('awaiting-approval', 'queued') THEN 'cancelled' ELSE status END,
         finished_at = CASE WHEN status IN ('awaiting-approval', 'queued') THEN $2 ELSE finished_at END,
         sealed_parameters = CASE WHEN status IN ('awaiting-approval', 'queued') THEN NULL ELSE sealed_parameters END
   WHERE id = ANY($1::uuid[])`;
const finishRun = `UPDATE runs SET status = $2, ended_at = $3 WHERE id = $1`;

/**
 * Ends a run as verified, failed or abandoned, and says so in the timeline. While steps are
 * still queued, running or awaiting approval, only `abandoned` is accepted (the 409 lists them);
 * it cancels them.
 */
export async function endRun({ ctx, input }: { ctx: Ctx; input: { runId: string } & EndRunInput }): Promise<Run> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const run = await lockActiveRun(tx.db, input.runId);
    const pending = (await tx.db.query<{ id: string; step_id: string; status: string }>(unfinished, [run.id])).rows;
    if (pending.length > 0 && input.outcome !== 'abandoned') {
      throw conflict('steps have not ended: wait for them, or abandon the run', {
        unfinished: pending,
        allowedOutcomes: ['abandoned'],
      });
    }
    if (pending.length > 0) await tx.db.query(abandonUnfinished, [pending.map((execution) => execution.id), tx.now()]);
    await tx.db.query(finishRun, [run.id, input.outcome, tx.now()]);
    if (run.incident_id !== null) {
      await lockIncidentRow(tx, run.incident_id);
      await appendIncidentEvent(tx, run.incident_id, {
        type: 'run_ended',
        payload: {
          runId: run.id,
          runbookId: run.runbook_id,
          outcome: input.outcome,
          note: input.note ?? null,
        },
      });
    }
    await recordAudit(tx, {
      action: 'run.end',
      targetType: 'run',
      targetId: run.id,
      details: { outcome: input.outcome },
    });
    return loadRun(tx.db, run.id, tx.now());
  });
}
