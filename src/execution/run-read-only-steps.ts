import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import { AppError, notFound, validationError, type FieldIssue } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { isStepLanguage } from '../runbooks/steps/step-languages.js';
import type { ExecutionServices } from './execute-step.js';
import { lockActiveRun } from './load-run-step.js';
import { connectionOf } from './step-programs.js';
import { loadStepContext, prepareStepJob } from './prepare-step-job.js';
import { toStepExecution, type StepExecution, type StepExecutionRow } from './run-model.js';
import { sealStepValues } from './jobs/seal-step-values.js';
import { stepRunnerSelector } from './jobs/step-runner-selector.js';

export const RunReadOnlyStepsInput = Type.Object(
  {
    section: Type.Integer({ minimum: 0, description: 'index of the section in the runbook' }),
    parameters: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: 'values for the parameters of any of its steps' }),
    ),
    continueOnFailure: Type.Optional(Type.Boolean({ default: false })),
    connection: Type.Optional(
      Type.String({ minLength: 1, maxLength: 63, description: 'the named connection of its SQL steps' }),
    ),
  },
  { additionalProperties: false },
);
export type RunReadOnlyStepsInput = Static<typeof RunReadOnlyStepsInput>;

const insertQueued = `
  INSERT INTO step_executions (run_id, step_id, attempt, status, command_preview, requested_at, requested_by_type, requested_by_id, requested_by_name,
                               timeout_ms, sql_connection, runner_selector, sealed_parameters, sealed_by, chain_id, chain_index, chain_continue)
  VALUES ($1, $2, (SELECT COALESCE(max(attempt), 0) + 1 FROM step_executions WHERE run_id = $1 AND step_id = $2), 'queued', $3, $4, $5, $6, $7,
          $8, $9, $10, $11, $12, $13, $14, $15)
  RETURNING *`;

/**
 * Runs every read-only shell or SQL step of one section (a diagnosis, typically) one after the other,
 * stopping at the first that does not succeed unless told to go on. Steps that change something
 * are left out: they each need their own confirmation. The steps are queued as one chain: a
 * runner can claim a step only once the one before it has ended (`claim-step-jobs.ts`).
 */
export async function runReadOnlySteps({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { runId: string } & RunReadOnlyStepsInput;
  services: ExecutionServices;
}): Promise<StepExecution[]> {
  requireRole(ctx, 'responder');
  const values = input.parameters ?? {};
  const executions = await inTransaction(ctx, async (tx) => {
    const run = await lockActiveRun(tx.db, input.runId);
    const structure = await services.jobs.structures.load(tx.db, run.runbook_id, run.runbook_version);
    const section = structure.sections[input.section];
    if (section === undefined) throw notFound('section', `${run.runbook_id}#${input.section}`);
    const steps = section.steps.filter(
      (step) => step.kind === 'command' && isStepLanguage(step.language) && step.risk === 'read-only',
    );
    if (steps.length === 0)
      throw validationError(`section "${section.title}" has no read-only step to run`, [
        { path: '/section', message: 'nothing to run' },
      ]);
    const issues: FieldIssue[] = [];
    const prepared = [];
    const context = await loadStepContext(tx.db, services, run.runbook_id);
    for (const step of steps) {
      try {
        prepared.push({
          step,
          ready: await prepareStepJob(tx.db, { run, section, step }, values, services, {
            ignoreUnknown: true,
            context,
            ...(input.connection === undefined ? {} : { connection: input.connection }),
          }),
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        issues.push(...((error.details['issues'] as FieldIssue[] | undefined) ?? []));
      }
    }
    // Several SQL steps missing their connection say so once.
    const distinct = issues.filter(
      (issue, index) =>
        issues.findIndex((other) => other.path === issue.path && other.message === issue.message) === index,
    );
    if (distinct.length > 0) throw validationError('parameter values are missing or invalid', distinct);
    const executions: StepExecutionRow[] = [];
    const chainId = randomUUID();
    for (const [index, { step, ready }] of prepared.entries()) {
      const selector = stepRunnerSelector(step, context.runnerSelector);
      const sealed = sealStepValues(values, services.jobs, { runId: run.id, stepId: step.id });
      const row = (
        await tx.db.query<StepExecutionRow>(insertQueued, [
          run.id,
          step.id,
          ready.preview,
          tx.now(),
          tx.actor.type,
          actorId(tx.actor),
          tx.actor.name,
          services.defaultTimeoutMs,
          connectionOf(ready.job.program),
          JSON.stringify(selector),
          sealed.sealed,
          sealed.sealedBy,
          chainId,
          index,
          input.continueOnFailure ?? false,
        ])
      ).rows[0]!;
      executions.push(row);
    }
    if (run.incident_id !== null) {
      await lockIncidentRow(tx, run.incident_id);
      await appendIncidentEvent(tx, run.incident_id, {
        type: 'section_run_started',
        payload: {
          runId: run.id,
          section: section.title,
          stepIds: steps.map((step) => step.id),
          continueOnFailure: input.continueOnFailure ?? false,
        },
      });
    }
    await recordAudit(tx, {
      action: 'step.run_section',
      targetType: 'run',
      targetId: run.id,
      details: { section: input.section, steps: steps.map((s) => s.id) },
    });
    return executions;
  });
  services.jobs.signal.notify();
  return executions.map(toStepExecution);
}
