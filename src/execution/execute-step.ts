import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import { conflict, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { scheduleTimer } from '../jobs/schedule-timer.js';
import { approvalRequestedTimerId, timerKinds } from '../jobs/timer-kinds.js';
import type { Step } from '../runbooks/runbook-model.js';
import { lockRunStep } from './load-run-step.js';
import { connectionOf } from './step-programs.js';
import { loadStepContext, prepareStepJob } from './prepare-step-job.js';
import { noRunnerColumn } from './run-statements.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';
import type { SecretServices } from './secrets/secret-model.js';
import { sealStepValues } from './jobs/seal-step-values.js';
import type { StepJobServices } from './jobs/step-job-services.js';
import { stepRunnerSelector } from './jobs/step-runner-selector.js';
import type { SuccessCondition } from './verification/success-condition.js';

export const ExecuteStepInput = Type.Object(
  {
    parameters: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: 'a value for each parameter of the step' }),
    ),
    confirm: Type.Optional(Type.Boolean({ description: 'required for steps that change something' })),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'required for destructive steps: why, for the approver',
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'only show the command as it would run, secrets masked' })),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
    connection: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 63,
        description: "SQL steps: the named connection to run on (default: the runbook's, or the only one)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExecuteStepInput = Static<typeof ExecuteStepInput>;

/** Returns the row and whether any live runner may take it (\`no_runner\`), said at once rather than left to hang silently. */
const insertExecution = `
  INSERT INTO step_executions AS e (run_id, step_id, attempt, status, command_preview, requested_at, requested_by_type, requested_by_id,
                               requested_by_name, reason, sealed_parameters, timeout_ms, sql_connection, runner_selector, sealed_by)
  VALUES ($1, $2, (SELECT COALESCE(max(attempt), 0) + 1 FROM step_executions WHERE run_id = $1 AND step_id = $2), $3, $4, $5, $6, $7, $8, $9, $10,
          $11, $12, $13, $14)
  RETURNING *, ${noRunnerColumn('$5')}`;

const insertApproval = `INSERT INTO step_approvals (execution_id, requested_by_id, status) VALUES ($1, $2, 'pending')`;

export interface ExecuteStepResult {
  execution: StepExecution | null;
  /** The command as it runs (parameters filled, secrets masked). */
  preview: string;
  /** What the step must show to succeed, when it has a condition. */
  condition: SuccessCondition | null;
}

export interface ExecutionServices extends SecretServices {
  /** Steps run on runners: what this node needs to queue them and hand them out. */
  jobs: StepJobServices;
  defaultTimeoutMs: number;
  /** Commands that never run, whatever the runbook says (`rm -rf /` …). */
  denyPatterns: readonly RegExp[];
  /** Configured variables added to every shell step's environment. */
  environment: Readonly<Record<string, string>>;
}

/**
 * Runs one shell or SQL step of an active run. Values reach bash only as environment variables
 * the rewritten command quotes, and SQL only as bind parameters; the stored preview masks secrets. A changing step needs `confirm`;
 * a destructive one waits for a second responder's approval. The step is queued for a runner
 * whose labels match its selector, its values sealed until one claims it; the runners waiting on
 * this node are woken once the transaction commits. A step no connected runner may take says so
 * (`waitingFor`) instead of hanging silently.
 */
export async function executeStep({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { runId: string; stepId: string } & ExecuteStepInput;
  services: ExecutionServices;
}): Promise<ExecuteStepResult> {
  requireRole(ctx, 'responder');
  const values = input.parameters ?? {};
  const timeoutMs = input.timeoutSeconds === undefined ? services.defaultTimeoutMs : input.timeoutSeconds * 1000;
  const result = await inTransaction(ctx, async (tx) => {
    const { run, section, step } = await lockRunStep(tx.db, input.runId, input.stepId, services.jobs.structures);
    assertRunnable(step, input);
    const context = await loadStepContext(tx.db, services, run.runbook_id);
    const prepared = await prepareStepJob(tx.db, { run, section, step }, values, services, {
      context,
      ...(input.connection === undefined ? {} : { connection: input.connection }),
    });
    if (input.dryRun === true) return { prepared, execution: null };
    const awaitsApproval = step.risk === 'destructive';
    // A key of this process alone would not outlive a restart while the request waits for its approver.
    if (awaitsApproval && Object.keys(values).length > 0 && !services.jobs.sealing.shared) {
      throw conflict(
        'a destructive step with parameters needs ASTREINTE_SECRET_KEY to keep the values sealed until it is approved',
        {},
      );
    }
    const selector = stepRunnerSelector(step, context.runnerSelector);
    const sealed = sealStepValues(values, services.jobs, { runId: run.id, stepId: step.id });
    const { rows } = await tx.db.query<StepExecutionRow>(insertExecution, [
      run.id,
      step.id,
      awaitsApproval ? 'awaiting-approval' : 'queued',
      prepared.preview,
      tx.now(),
      tx.actor.type,
      actorId(tx.actor),
      tx.actor.name,
      input.reason ?? null,
      sealed.sealed,
      timeoutMs,
      connectionOf(prepared.job.program),
      JSON.stringify(selector),
      sealed.sealedBy,
    ]);
    const execution = rows[0]!;
    if (awaitsApproval) await tx.db.query(insertApproval, [execution.id, actorId(tx.actor)]);
    if (run.incident_id !== null) {
      // The approvers are told by a timer: after the commit, by whichever node claims it, once.
      if (awaitsApproval) {
        await scheduleTimer(tx.db, {
          id: approvalRequestedTimerId(execution.id),
          kind: timerKinds.approvalRequested,
          dueAt: tx.now(),
          payload: { executionId: execution.id, step: step.title ?? step.id },
        });
      }
      await appendIncidentEvent(tx, run.incident_id, {
        type: awaitsApproval ? 'step_approval_requested' : 'step_started',
        payload: {
          runId: run.id,
          executionId: execution.id,
          stepId: step.id,
          title: step.title,
          risk: step.risk,
          command: prepared.preview,
          ...(input.reason === undefined ? {} : { reason: input.reason }),
        },
      });
    }
    await recordAudit(tx, {
      action: awaitsApproval ? 'step.request_approval' : 'step.execute',
      targetType: 'run',
      targetId: run.id,
      details: { stepId: step.id, executionId: execution.id, risk: step.risk },
    });
    return { prepared, execution };
  });
  const { prepared, execution } = result;
  if (execution === null) return { execution: null, preview: prepared.preview, condition: prepared.job.condition };
  if (execution.status === 'queued') services.jobs.signal.notify();
  return { execution: toStepExecution(execution), preview: prepared.preview, condition: prepared.job.condition };
}

function assertRunnable(step: Step, input: ExecuteStepInput): void {
  if (step.kind !== 'command') {
    throw validationError(`step ${step.id} is ${step.kind === 'manual' ? 'a manual step' : 'not executable'}`, [
      { path: '/stepId', message: `a ${step.kind} step does not run` },
    ]);
  }
  const reasons = step.riskReasons.filter((reason) => reason.level === step.risk);
  if (step.risk === 'destructive' && input.dryRun !== true && input.reason === undefined) {
    throw validationError(`step ${step.id} is destructive: say why, for the approver`, [
      { path: '/reason', message: 'required for a destructive step' },
    ]);
  }
  if (step.risk === 'changing' && input.confirm !== true && input.dryRun !== true) {
    throw conflict(`step ${step.id} changes something: send "confirm": true to run it`, {
      risk: step.risk,
      requires: 'confirm',
      reasons,
    });
  }
}
