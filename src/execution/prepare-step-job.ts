import { validationError } from '../core/app-error.js';
import type { Section, Step } from '../runbooks/runbook-model.js';
import { isStepLanguage } from '../runbooks/steps/step-languages.js';
import type { Queryable } from '../storage/database.js';
import type { ExecutionServices } from './execute-step.js';
import { loadStepSettings } from './get-execution-settings.js';
import type { RunnerLabels } from './jobs/runner-model.js';
import { mergeParameterRules, readAttributeRules, type ParameterRules } from './parameters/parameter-rules.js';
import type { RunRow } from './run-model.js';
import { loadStepSecrets } from './secrets/load-step-secrets.js';
import type { StepJob } from './step-job.js';
import { stepPrograms } from './step-programs.js';
import { readSuccessCondition } from './verification/read-success-condition.js';

/**
 * What every step of a run is prepared with, read once for a whole section: known secrets, the
 * runbook's parameter rules and the runners its steps go to by default.
 */
export interface StepContext {
  secrets: ReadonlyMap<string, string>;
  runbookRules: ParameterRules;
  runnerSelector: RunnerLabels;
}

/** Reads the secrets and the runbook's step settings (two queries, the secrets decrypted). */
export async function loadStepContext(
  db: Queryable,
  services: ExecutionServices,
  runbookId: string,
): Promise<StepContext> {
  const settings = await loadStepSettings(db, runbookId);
  return {
    secrets: await loadStepSecrets(db, services),
    runbookRules: settings.rules,
    runnerSelector: settings.runnerSelector,
  };
}

/** A step made ready to run: the job (without its execution id yet) and the command as shown. */
export interface PreparedStepJob {
  job: Omit<StepJob, 'executionId'>;
  /** The command as it runs, values filled, secrets masked: for the timeline and the approver. */
  preview: string;
}

/**
 * Turns one step of a run, with the operator's values, into a job: validates the values (a
 * secret parameter left empty takes the stored secret of that name), checks the deny list,
 * rewrites the code so values stay data (bash variables, or SQL bind parameters on the chosen
 * named connection, read-only steps in a read-only transaction), and reads the success condition. Throws a 400
 * naming each bad value, a 403 for a denied step.
 */
export async function prepareStepJob(
  db: Queryable,
  target: { run: Pick<RunRow, 'id' | 'incident_id' | 'runbook_id'>; section: Section; step: Step },
  values: Readonly<Record<string, string>>,
  services: ExecutionServices,
  options: { ignoreUnknown?: boolean; connection?: string; context?: StepContext } = {},
): Promise<PreparedStepJob> {
  const { run, section, step } = target;
  const { secrets, runbookRules } = options.context ?? (await loadStepContext(db, services, run.runbook_id));
  const rules = mergeParameterRules(readAttributeRules(step.attributes), runbookRules);
  const ignoreUnknown = options.ignoreUnknown === true;
  const base = {
    runId: run.id,
    incidentId: run.incident_id,
    stepId: step.id,
    timeoutMs: services.defaultTimeoutMs,
    condition: readSuccessCondition(step, section.kind),
    verifiesRun: section.kind === 'verification',
  };
  if (!isStepLanguage(step.language))
    throw validationError(`step ${step.id} is ${step.language ?? 'plain text'}: only shell and SQL steps run`, [
      { path: '/stepId', message: 'not a runnable step' },
    ]);
  const prepared = await stepPrograms[step.language].prepare({
    db,
    step,
    values,
    services,
    ignoreUnknown,
    secrets,
    rules,
    connection: options.connection,
  });
  return {
    job: { ...base, program: prepared.program, secrets: prepared.secrets, stepSecrets: prepared.stepSecrets },
    preview: prepared.preview,
  };
}
