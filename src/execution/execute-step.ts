import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import { conflict, notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { loadRunbookVersion } from '../runbooks/load-runbook-version.js';
import type { Step } from '../runbooks/runbook-model.js';
import { analyzeCodeBlock } from '../runbooks/steps/analyze-code-block.js';
import { parameterEnvironment } from './parameters/parameter-environment.js';
import { renderDryRun } from './parameters/render-dry-run.js';
import { rewriteShellStep } from './parameters/rewrite-shell-step.js';
import { validateParameterValues } from './parameters/validate-parameter-values.js';
import { toStepExecution, type RunRow, type StepExecution, type StepExecutionRow } from './run-model.js';
import { lockRun } from './run-statements.js';
import type { StepRunner } from './step-runner.js';

export const ExecuteStepInput = Type.Object(
  {
    parameters: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'a value for each parameter of the step' })),
    confirm: Type.Optional(Type.Boolean({ description: 'required for steps that change something' })),
    dryRun: Type.Optional(Type.Boolean({ description: 'only show the command as it would run, secrets masked' })),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
  },
  { additionalProperties: false },
);
export type ExecuteStepInput = Static<typeof ExecuteStepInput>;

const insertExecution = `
  INSERT INTO step_executions (run_id, step_id, attempt, status, command_preview, requested_at, requested_by_type, requested_by_id, requested_by_name)
  VALUES ($1, $2, (SELECT COALESCE(max(attempt), 0) + 1 FROM step_executions WHERE run_id = $1 AND step_id = $2), 'queued', $3, $4, $5, $6, $7)
  RETURNING *`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ExecuteStepResult {
  execution: StepExecution | null;
  /** The command as it runs (parameters filled, secrets masked). */
  preview: string;
}

/**
 * Runs one shell step of an active run. Parameter values are validated and reach bash only as
 * environment variables the rewritten command quotes; the stored preview masks secrets. A step
 * that changes something needs `confirm`; destructive steps need a second responder's approval,
 * which is not built yet, so they are refused. The process runs after the transaction commits.
 */
export async function executeStep({
  ctx,
  input,
  runner,
  defaultTimeoutMs,
}: {
  ctx: Ctx;
  input: { runId: string; stepId: string } & ExecuteStepInput;
  runner: StepRunner;
  defaultTimeoutMs: number;
}): Promise<ExecuteStepResult> {
  requireRole(ctx, 'responder');
  const values = input.parameters ?? {};
  const prepared = await inTransaction(ctx, async (tx) => {
    const run = uuidPattern.test(input.runId) ? (await tx.db.query<RunRow>(lockRun, [input.runId])).rows[0] : undefined;
    if (run === undefined) throw notFound('run', input.runId);
    if (run.status !== 'active') throw conflict(`the run is ${run.status}`, { status: run.status });
    const version = await loadRunbookVersion(tx.db, run.runbook_id, run.runbook_version);
    const step = version.structure.sections.flatMap((section) => section.steps).find((candidate) => candidate.id === input.stepId);
    if (step === undefined) throw notFound('step', `${run.runbook_id}#${input.stepId}`);
    assertRunnable(step, input.confirm === true);
    const analysis = await analyzeCodeBlock({ lang: step.language, code: step.body, meta: null });
    const specs = analysis.parameters.map((parameter) => ({ name: parameter.name, required: true, secret: parameter.secret }));
    const issues = validateParameterValues(specs, values);
    if (issues.length > 0) throw validationError('parameter values are missing or invalid', issues);
    const script = rewriteShellStep(step.body, analysis.parameters);
    const secretNames = analysis.parameters.filter((parameter) => parameter.secret).map((parameter) => parameter.name);
    const preview = renderDryRun(step.body, analysis.parameters, values, secretNames);
    if (input.dryRun === true) return { run, step, script, preview, secretNames, execution: null };
    const inserted = await tx.db.query<StepExecutionRow>(insertExecution, [
      run.id, step.id, preview, tx.now(), tx.actor.type, actorId(tx.actor), tx.actor.name,
    ]);
    const execution = inserted.rows[0]!;
    if (run.incident_id !== null) {
      await lockIncidentRow(tx, run.incident_id);
      await appendIncidentEvent(tx, run.incident_id, 'step_started', {
        runId: run.id, executionId: execution.id, stepId: step.id, title: step.title, risk: step.risk, command: preview,
      });
    }
    await recordAudit(tx, { action: 'step.execute', targetType: 'run', targetId: run.id, details: { stepId: step.id, executionId: execution.id, risk: step.risk } });
    return { run, step, script, preview, secretNames, execution };
  });
  if (prepared.execution === null) return { execution: null, preview: prepared.preview };
  runner.launch({
    executionId: prepared.execution.id,
    incidentId: prepared.run.incident_id,
    stepId: prepared.step.id,
    script: prepared.script,
    env: parameterEnvironment(values),
    secrets: prepared.secretNames.flatMap((name) => (values[name] === undefined ? [] : [{ name, value: values[name]! }])),
    timeoutMs: input.timeoutSeconds === undefined ? defaultTimeoutMs : input.timeoutSeconds * 1000,
  });
  return { execution: toStepExecution(prepared.execution), preview: prepared.preview };
}

function assertRunnable(step: Step, confirmed: boolean): void {
  if (step.kind !== 'command') {
    throw validationError(`step ${step.id} is ${step.kind === 'manual' ? 'a manual step' : 'not executable'}`, [{ path: '/stepId', message: `a ${step.kind} step does not run` }]);
  }
  if (step.language !== 'shell') {
    throw validationError(`step ${step.id} is ${step.language ?? 'plain text'}: only shell steps run so far`, [{ path: '/stepId', message: 'not a shell step' }]);
  }
  if (step.risk === 'destructive') {
    throw conflict(`step ${step.id} is destructive: it needs a second responder's approval, which Astreinte cannot take yet`, {
      risk: step.risk, reasons: step.riskReasons.filter((reason) => reason.level === 'destructive'),
    });
  }
  if (step.risk === 'changing' && !confirmed) {
    throw conflict(`step ${step.id} changes something: send "confirm": true to run it`, {
      risk: step.risk, requires: 'confirm', reasons: step.riskReasons.filter((reason) => reason.level === 'changing'),
    });
  }
}
