import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import { validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { concludeIfVerified } from './conclude-verified-run.js';
import { lockRunStep } from './load-run-step.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';

export const StepOutcomeInput = Type.Object(
  {
    outcome: Type.Enum(['done', 'skipped'], {
      description: 'done: a manual step was carried out; skipped: any step, on purpose',
    }),
    note: Type.String({ minLength: 1, maxLength: 5000, description: 'what was done, or why it was skipped' }),
  },
  { additionalProperties: false },
);
export type StepOutcomeInput = Static<typeof StepOutcomeInput>;

const insertOutcome = `
  INSERT INTO step_executions (run_id, step_id, attempt, status, command_preview, requested_at, requested_by_type, requested_by_id,
                               requested_by_name, reason, finished_at)
  VALUES ($1, $2, (SELECT COALESCE(max(attempt), 0) + 1 FROM step_executions WHERE run_id = $1 AND step_id = $2), $3, '', $4, $5, $6, $7, $8, $4)
  RETURNING *`;

/** Checks off a manual step with a note, or skips any step with the reason; both in the timeline. */
export async function recordStepOutcome({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { runId: string; stepId: string } & StepOutcomeInput;
}): Promise<StepExecution> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const { run, section, step } = await lockRunStep(tx.db, input.runId, input.stepId);
    if (input.outcome === 'done' && step.kind !== 'manual') {
      throw validationError(`step ${step.id} is a ${step.kind} step: run it, or skip it`, [
        { path: '/outcome', message: 'only manual steps are checked off' },
      ]);
    }
    const { rows } = await tx.db.query<StepExecutionRow>(insertOutcome, [
      run.id,
      step.id,
      input.outcome,
      tx.now(),
      tx.actor.type,
      actorId(tx.actor),
      tx.actor.name,
      input.note,
    ]);
    const execution = rows[0]!;
    if (run.incident_id !== null) {
      await lockIncidentRow(tx, run.incident_id);
      await appendIncidentEvent(tx, run.incident_id, {
        type: input.outcome === 'done' ? 'step_checked' : 'step_skipped',
        payload: {
          runId: run.id,
          executionId: execution.id,
          stepId: step.id,
          title: step.title,
          note: input.note,
        },
      });
    }
    await recordAudit(tx, {
      action: `step.${input.outcome === 'done' ? 'check' : 'skip'}`,
      targetType: 'run',
      targetId: run.id,
      details: { stepId: step.id },
    });
    // Checking off the last manual verification step verifies the run, as a passing command would.
    if (input.outcome === 'done' && section.kind === 'verification') await concludeIfVerified(tx, run);
    return toStepExecution(execution);
  });
}
