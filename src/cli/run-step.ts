import { InvalidArgumentError } from 'commander';
import type { StepExecution } from '../execution/run-model.js';
import type { ApiClient, ApiTarget } from './api-client.js';
import { CliError, definedOnly, exitCodes, writeJson, writeLines, type CliIo } from './cli-io.js';
import { followExecution } from './run-follow.js';
import { formatOutcome } from './run-format.js';

export interface StepFlags {
  json?: boolean;
  param?: Record<string, string>;
  paramEnv?: Record<string, string>;
  confirm?: boolean;
  reason?: string;
  dryRun?: boolean;
  timeout?: number;
  connection?: string;
  follow: boolean;
}

interface ExecuteResult {
  execution: StepExecution | null;
  preview: string;
}

/** Commander collector for repeatable `name=value` options; a name given twice is a usage error. */
export function collectAssignment(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected name=value');
  const name = value.slice(0, at);
  if (previous !== undefined && name in previous) throw new InvalidArgumentError(`${name} is given twice`);
  return { ...previous, [name]: value.slice(at + 1) };
}

/** `--param` values, and `--param-env` ones read from the CLI's environment (so secrets stay out of argv). */
export function stepParameters(flags: StepFlags, env: CliIo['env']): Record<string, string> | undefined {
  const values: Record<string, string> = { ...flags.param };
  for (const [name, variable] of Object.entries(flags.paramEnv ?? {})) {
    if (name in values)
      throw new CliError(`parameter ${name} is given by both --param and --param-env`, exitCodes.usage);
    const value = env[variable];
    if (value === undefined)
      throw new CliError(`--param-env ${name}=${variable}: ${variable} is not set in the environment`, exitCodes.usage);
    values[name] = value;
  }
  return Object.keys(values).length === 0 ? undefined : values;
}

/**
 * `run step`: starts one step, then (unless told not to, or it awaits approval) follows its output
 * live. Only the step's own stdout goes to stdout, so it can be piped; what the CLI says goes to
 * stderr. Throws (exit 1) when the followed step did not succeed.
 */
export async function runStep(
  deps: { client: ApiClient; target: ApiTarget; io: CliIo },
  runId: string,
  stepId: string,
  flags: StepFlags,
): Promise<void> {
  const { client, io } = deps;
  const body = definedOnly({
    parameters: stepParameters(flags, io.env),
    confirm: flags.confirm,
    reason: flags.reason,
    dryRun: flags.dryRun,
    timeoutSeconds: flags.timeout,
    connection: flags.connection,
  });
  const path = `/api/v1/runs/${encodeURIComponent(runId)}/steps/${encodeURIComponent(stepId)}/execute`;
  const result = await client.request<ExecuteResult>('POST', path, { body }).catch((error: unknown) => {
    throw withFlagHints(error);
  });
  const started = result.execution;
  if (started === null)
    return flags.json === true ? writeJson(io.stdout, result) : writeLines(io.stdout, result.preview);
  const refs = `${runId} ${started.id}`;
  if (started.status === 'awaiting-approval') {
    if (flags.json === true) return writeJson(io.stdout, result);
    return writeLines(
      io.stdout,
      `${stepId} attempt ${started.attempt} awaits the approval of a second responder: execution ${started.id}`,
      indent(result.preview),
      `Approve: astreinte run approve ${refs} --reason "…"`,
      `Refuse:  astreinte run refuse ${refs} --reason "…"`,
    );
  }
  // Said at once: a step no connected runner may take would otherwise look like it hangs.
  if (started.waitingFor !== null && flags.json !== true)
    writeLines(io.stderr, `Waiting for ${started.waitingFor}: no connected runner may take this step yet`);
  if (!flags.follow) {
    if (flags.json === true) return writeJson(io.stdout, result);
    return writeLines(
      io.stdout,
      `Started ${stepId} attempt ${started.attempt}: execution ${started.id} (${started.status})`,
      indent(result.preview),
      `Follow: astreinte run output ${refs} --follow`,
      `Cancel: astreinte run cancel ${refs}`,
    );
  }
  if (flags.json !== true) {
    writeLines(
      io.stderr,
      `Running ${stepId} attempt ${started.attempt}, execution ${started.id}:`,
      indent(result.preview),
      `(Ctrl-C stops following, not the step: astreinte run cancel ${refs})`,
    );
  }
  const end = await followExecution(deps, runId, started.id, { quiet: flags.json === true });
  const final: StepExecution = { ...(end.execution ?? started), status: end.status, exitCode: end.exitCode };
  if (flags.json === true) writeJson(io.stdout, { execution: final, preview: result.preview });
  if (end.openLine) io.stderr.write('\n');
  if (final.status !== 'succeeded') throw new CliError(formatOutcome(final));
  if (flags.json !== true) writeLines(io.stderr, formatOutcome(final));
}

/** The API speaks of JSON fields; the hints say which flag to add. */
function withFlagHints(error: unknown): unknown {
  if (!(error instanceof CliError)) return error;
  const hints: string[] = [];
  const message = error.message.replace('send "confirm": true to run it', 'add --confirm to run it');
  if (message !== error.message) hints.push('  (--dry-run shows the command as it would run)');
  if (error.details.some((line) => line.includes('/parameters/'))) {
    hints.push(
      '  give values with --param name=value, or --param-env name=ENV_VAR for secrets (read from the environment)',
    );
  }
  if (error.details.some((line) => line.trimStart().startsWith('/reason:')))
    hints.push('  add --reason "why", shown to the approver');
  return new CliError(message, error.exitCode, [...error.details, ...hints]);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
