import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import { AppError, conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import type { ExecutionServices } from './execute-step.js';
import { lockRunStep, uuidPattern } from './load-run-step.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';

export const DecideApprovalInput = Type.Object(
  {
    decision: Type.Enum(['approve', 'refuse']),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type DecideApprovalInput = Static<typeof DecideApprovalInput>;

const lockExecution = `SELECT * FROM step_executions WHERE run_id = $1::uuid AND id = $2::uuid FOR UPDATE`;
const selfApprovalAllowed = `SELECT allow_self_approval FROM runbook_execution_settings WHERE runbook_id = $1`;
const updateApproval = `
  UPDATE step_approvals SET status = $2, decided_by_id = $3, decided_by_name = $4, decided_at = $5, decision_reason = $6 WHERE execution_id = $1`;
// A refused step's values are dropped; an approved one's stay sealed until a runner claims it.
const updateExecution = `
  UPDATE step_executions SET status = $2, sealed_parameters = CASE WHEN $2 = 'refused' THEN NULL ELSE sealed_parameters END,
         queued_at = CASE WHEN $2 = 'queued' THEN $3::timestamptz END
   WHERE id = $1 RETURNING *`;

/**
 * A second responder approves or refuses a destructive step, having seen the exact command
 * (values filled, secrets masked). Nobody approves their own request unless an admin allowed it
 * for that runbook. An approved step is queued for its runners at once; the values it was
 * requested with, still sealed, reach the runner that claims it — the approver saw them masked.
 */
export async function decideStepApproval({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { runId: string; executionId: string } & DecideApprovalInput;
  services: ExecutionServices;
}): Promise<StepExecution> {
  requireRole(ctx, 'responder');
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId))
    throw notFound('step execution', input.executionId);
  const decided = await inTransaction(ctx, async (tx) => {
    const pending = (
      await tx.db.query<StepExecutionRow & { requested_by_id: string | null }>(lockExecution, [
        input.runId,
        input.executionId,
      ])
    ).rows[0];
    if (pending === undefined) throw notFound('step execution', input.executionId);
    if (pending.status !== 'awaiting-approval')
      throw conflict(`the step is ${pending.status}, not awaiting approval`, { status: pending.status });
    const { run, step } = await lockRunStep(tx.db, input.runId, pending.step_id, services.jobs.structures);
    if (pending.requested_by_id !== null && pending.requested_by_id === actorId(tx.actor)) {
      const setting = await tx.db.query<{ allow_self_approval: boolean }>(selfApprovalAllowed, [run.runbook_id]);
      if (setting.rows[0]?.allow_self_approval !== true) {
        throw new AppError('forbidden', 'a second responder must approve this step: you requested it', {
          requiredApprover: 'another responder',
        });
      }
    }
    const approve = input.decision === 'approve';
    await tx.db.query(updateApproval, [
      pending.id,
      approve ? 'approved' : 'refused',
      actorId(tx.actor),
      tx.actor.name,
      tx.now(),
      input.reason,
    ]);
    const updated = (
      await tx.db.query<StepExecutionRow>(updateExecution, [pending.id, approve ? 'queued' : 'refused', tx.now()])
    ).rows[0]!;
    if (run.incident_id !== null) {
      await lockIncidentRow(tx, run.incident_id);
      await appendIncidentEvent(tx, run.incident_id, {
        type: approve ? 'step_approved' : 'step_refused',
        payload: {
          runId: run.id,
          executionId: pending.id,
          stepId: step.id,
          reason: input.reason,
          command: pending.command_preview,
        },
      });
    }
    await recordAudit(tx, {
      action: approve ? 'step.approve' : 'step.refuse',
      targetType: 'run',
      targetId: run.id,
      details: { executionId: pending.id, stepId: step.id },
    });
    return updated;
  });
  if (decided.status === 'queued') services.jobs.signal.notify();
  return toStepExecution(decided);
}
