import { positiveInteger, withApiOptions } from './cli-options.js';
import { type Command } from 'commander';
import type { StepOutput } from '../execution/list-step-output.js';
import { finalExecutionStatuses, type Run, type StepExecution } from '../execution/run-model.js';
import type { RunbookDetail } from '../runbooks/runbook-api-model.js';
import { ApiClient, apiTarget } from './api-client.js';
import { CliError, writeJson, writeLines, type CliIo } from './cli-io.js';
import { followExecution } from './run-follow.js';
import { formatOutcome, formatRun, formatStartedRun, stepsOf } from './run-format.js';
import { registerRunSectionCommands } from './run-section-commands.js';
import { collectAssignment, runStep, type StepFlags } from './run-step.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

const stepHelp = `
Secret parameters: --param puts the value in your shell history and in the process list (ps).
Give secrets with --param-env name=ENV_VAR instead: the value is read from the CLI's environment,
e.g.  read -rs DB_PASSWORD && export DB_PASSWORD && astreinte run step RUN s3 --param-env password=DB_PASSWORD

While following, the step's stdout goes to stdout (pipe it as you like) and everything else to stderr.
Exit code when following: 0 when the step succeeded, 1 otherwise (failed, timed out, cancelled …).
Without following (--no-follow, or a destructive step that awaits approval): 0 once it is requested.`;

/** `astreinte run …`: start runs of runbooks and run their steps from the terminal, over the HTTP API. */
export function registerRunCommands(program: Command, io: CliIo): void {
  // `run start --version N` must not reach the program's own `-V, --version` (see runbook-command.ts).
  program.enablePositionalOptions();
  const run = program
    .command('run')
    .description('start runbook runs, run their steps live, approve, cancel (over the HTTP API)');
  const deps = (flags: ApiFlags) => {
    const target = apiTarget(flags, io.env);
    return { client: new ApiClient(target), target, io };
  };
  const runPath = (runId: string, rest = ''): string => `/api/v1/runs/${encodeURIComponent(runId)}${rest}`;
  const executionPath = (runId: string, executionId: string, rest = ''): string =>
    runPath(runId, `/executions/${encodeURIComponent(executionId)}${rest}`);

  withApiOptions(run.command('start'))
    .description('start a run of a runbook (in an incident, or a rehearsal) and list its steps')
    .argument('<runbookId>', 'runbook id (see `astreinte runbook list`)')
    .option('--incident <id>', 'the incident this run is for, e.g. INC-42 (none: a rehearsal)')
    .option('--version <n>', 'a past version of the runbook (default: the current one)', positiveInteger)
    .action(async (runbookId: string, flags: ApiFlags & { incident?: string; version?: number }) => {
      const { client } = deps(flags);
      const body = {
        runbookId,
        ...(flags.version === undefined ? {} : { version: flags.version }),
        ...(flags.incident === undefined ? {} : { incidentId: flags.incident.toUpperCase() }),
      };
      const started = await client.request<Run>('POST', '/api/v1/runs', { body });
      const runbook = await client.request<RunbookDetail>(
        'GET',
        `/api/v1/runbooks/${encodeURIComponent(started.runbookId)}`,
        { query: { version: started.runbookVersion } },
      );
      const steps = stepsOf(runbook);
      if (flags.json === true)
        return writeJson(io.stdout, {
          run: started,
          runbook: { id: runbook.id, title: runbook.title, version: runbook.version },
          steps,
        });
      writeLines(io.stdout, ...formatStartedRun(started, runbook, steps));
    });

  withApiOptions(run.command('step'))
    .description('run one step of a run and follow its output live')
    .argument('<runId>', 'run id (from `astreinte run start`)')
    .argument('<stepId>', 'step id, e.g. s3')
    .option('--param <name=value>', 'a parameter value (repeatable)', collectAssignment)
    .option(
      '--param-env <name=ENV_VAR>',
      'a parameter value read from this environment variable: for secrets (repeatable)',
      collectAssignment,
    )
    .option('--confirm', 'run a step that changes something')
    .option('--reason <text>', 'why: required for destructive steps, shown to the approver')
    .option('--dry-run', 'only print the command as it would run (secrets masked)')
    .option('--timeout <seconds>', "stop the step after this long (1 to 3600; default: the server's)", positiveInteger)
    .option('--no-follow', 'start the step and return at once')
    .option(
      '--connection <name>',
      "SQL steps: the named connection to run on (default: the runbook's, or the only one)",
    )
    .addHelpText('after', stepHelp)
    .action(async (runId: string, stepId: string, flags: ApiFlags & StepFlags) =>
      runStep(deps(flags), runId, stepId, flags),
    );

  for (const decision of ['approve', 'refuse'] as const) {
    withApiOptions(run.command(decision))
      .description(`${decision} a destructive step another responder requested`)
      .argument('<runId>', 'run id')
      .argument('<executionId>', 'execution id (see `astreinte run show`)')
      .requiredOption('--reason <text>', 'why, kept in the timeline and the audit log')
      .action(async (runId: string, executionId: string, flags: ApiFlags & { reason: string }) => {
        const body = { decision, reason: flags.reason };
        const decided = await deps(flags).client.request<StepExecution>(
          'POST',
          executionPath(runId, executionId, '/approval'),
          { body },
        );
        if (flags.json === true) return writeJson(io.stdout, decided);
        const verb = decision === 'approve' ? 'Approved' : 'Refused';
        writeLines(
          io.stdout,
          `${verb} ${decided.stepId} attempt ${decided.attempt} (execution ${decided.id}): ${decided.status}`,
        );
        if (decision === 'approve')
          writeLines(io.stdout, `Follow: astreinte run output ${runId} ${decided.id} --follow`);
      });
  }

  registerRunSectionCommands(run, io);

  withApiOptions(run.command('cancel'))
    .description('cancel a queued or running step (its whole process group is killed) and wait for its end')
    .argument('<runId>', 'run id')
    .argument('<executionId>', 'execution id')
    .action(async (runId: string, executionId: string, flags: ApiFlags) => {
      const { client } = deps(flags);
      await client.request<StepExecution>('POST', executionPath(runId, executionId, '/cancel'));
      const ended = await waitForEnd(client, runPath(runId), executionId);
      if (flags.json === true) return writeJson(io.stdout, ended);
      writeLines(
        io.stdout,
        finalExecutionStatuses.has(ended.status)
          ? formatOutcome(ended)
          : `Cancel requested for ${ended.stepId} attempt ${ended.attempt}; it is still ${ended.status} (see \`astreinte run show ${runId}\`)`,
      );
    });

  withApiOptions(run.command('show'))
    .description('show a run and its step executions')
    .argument('<runId>', 'run id')
    .action(async (runId: string, flags: ApiFlags) => {
      const shown = await deps(flags).client.request<Run>('GET', runPath(runId));
      if (flags.json === true) return writeJson(io.stdout, shown);
      writeLines(io.stdout, ...formatRun(shown));
    });

  withApiOptions(run.command('output'))
    .description("print a step execution's output (stdout to stdout, the rest to stderr)")
    .argument('<runId>', 'run id')
    .argument('<executionId>', 'execution id')
    .option('--follow', 'keep printing until the step ends (exit 1 unless it succeeded)')
    .action(async (runId: string, executionId: string, flags: ApiFlags & { follow?: boolean }) => {
      const { client, target } = deps(flags);
      const end =
        flags.follow === true
          ? await followExecution({ client, target, io }, runId, executionId, { quiet: flags.json === true })
          : undefined;
      if (flags.json === true)
        writeJson(io.stdout, await client.request<StepOutput[]>('GET', executionPath(runId, executionId, '/output')));
      else if (end === undefined) {
        for (const chunk of await client.request<StepOutput[]>('GET', executionPath(runId, executionId, '/output'))) {
          (chunk.stream === 'stdout' ? io.stdout : io.stderr).write(chunk.text);
        }
      }
      if (end === undefined) return;
      const outcome =
        end.execution === undefined
          ? `${executionId} ${end.status}`
          : formatOutcome({ ...end.execution, status: end.status, exitCode: end.exitCode });
      if (end.openLine) io.stderr.write('\n');
      if (end.status !== 'succeeded') throw new CliError(outcome);
      if (flags.json !== true) writeLines(io.stderr, outcome);
    });
}

/** Polls the run until the execution is over (a cancel lands within a heartbeat), for up to ~10 s. */
async function waitForEnd(client: ApiClient, path: string, executionId: string): Promise<StepExecution> {
  for (let attempt = 0; ; attempt += 1) {
    const execution = (await client.request<Run>('GET', path)).executions.find((e) => e.id === executionId);
    if (execution === undefined) throw new CliError(`execution ${executionId} is not in this run`);
    if (finalExecutionStatuses.has(execution.status) || attempt >= 50) return execution;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
