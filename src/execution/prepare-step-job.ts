import { validationError } from '../core/app-error.js';
import type { Section, Step } from '../runbooks/runbook-model.js';
import type { Queryable } from '../storage/database.js';
import type { ExecutionServices } from './execute-step.js';
import { chooseSqlConnection } from './choose-sql-connection.js';
import { openSqlConnectionUrl } from './connections/open-sql-connection-url.js';
import { loadStepSettings } from './get-execution-settings.js';
import type { RunnerLabels } from './jobs/runner-model.js';
import { mergeParameterRules, readAttributeRules, type ParameterRules } from './parameters/parameter-rules.js';
import { prepareShellScript } from './prepare-shell-script.js';
import type { RunRow } from './run-model.js';
import { loadStepSecrets } from './secrets/load-step-secrets.js';
import { prepareSqlStatements } from './sql/prepare-sql-statements.js';
import type { StepJob } from './step-job.js';
import { minSecretLength } from './redaction/create-redactor.js';
import { readSuccessCondition } from './verification/read-success-condition.js';

/** Languages of the steps that run: bash, and SQL on a named connection. */
export const runnableLanguages: ReadonlySet<string> = new Set(['shell', 'sql']);

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
  if (step.language === 'shell') {
    const script = await prepareShellScript(step, values, services.denyPatterns, {
      ignoreUnknown,
      secrets,
      rules,
      defaults: services.environment,
    });
    return {
      job: {
        ...base,
        program: { kind: 'shell', script: script.script, env: { ...services.environment, ...script.env } },
        secrets: script.secrets,
        stepSecrets: script.stepSecrets,
      },
      preview: script.preview,
    };
  }
  if (step.language === 'sql') {
    const sql = await prepareSqlStatements(step, values, services.denyPatterns, { ignoreUnknown, secrets, rules });
    const connection = await chooseSqlConnection(db, step, options.connection);
    const connectionUrl = await openSqlConnectionUrl(db, connection, services.secretKey);
    return {
      job: {
        ...base,
        program: {
          kind: 'sql',
          connection,
          connectionUrl,
          statements: sql.statements,
          readOnly: step.risk === 'read-only',
        },
        secrets: sql.secrets,
        stepSecrets: [...sql.stepSecrets, ...connectionPassword(connection, connectionUrl)],
      },
      preview: `-- on connection ${connection}\n${sql.preview}`,
    };
  }
  throw validationError(`step ${step.id} is ${step.language ?? 'plain text'}: only shell and SQL steps run`, [
    { path: '/stepId', message: 'not a runnable step' },
  ]);
}

/** A connection's password, to be redacted wherever the step prints it (too short a one cannot be). */
function connectionPassword(connection: string, url: string): { name: string; value: string }[] {
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return [];
  }
  return [...password].length >= minSecretLength ? [{ name: `connection ${connection}`, value: password }] : [];
}
