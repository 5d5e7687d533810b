import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Run, StepExecution } from '../execution/run-model.js';
import { ApiClient, apiTarget } from './api-client.js';
import { withApiOptions } from './cli-options.js';
import { definedOnly, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatRun } from './run-format.js';
import { collectAssignment, stepParameters } from './run-step.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

const sectionIndex = (value: string): number => {
  if (!/^\d+$/.test(value))
    throw new InvalidArgumentError('expected the index of a section (0, 1, …; see `astreinte run start`)');
  return Number(value);
};

/**
 * `astreinte run section|check|skip|end`: run a section's read-only steps in one go, check off a
 * manual step, skip a step, end the run — the rest of a run's life from the terminal, over the API.
 */
export function registerRunSectionCommands(run: Command, io: CliIo): void {
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));
  const runPath = (runId: string, rest = ''): string => `/api/v1/runs/${encodeURIComponent(runId)}${rest}`;

  withApiOptions(run.command('section'))
    .description('run every read-only step of one section, in order, stopping at the first failure')
    .argument('<runId>', 'run id')
    .argument('<section>', 'index of the section in the runbook (0 for the first)', sectionIndex)
    .option('--param <name=value>', 'a value for a parameter of any of its steps (repeatable)', collectAssignment)
    .option(
      '--param-env <name=ENV_VAR>',
      'a value read from this environment variable: for secrets (repeatable)',
      collectAssignment,
    )
    .option('--continue-on-failure', 'run the next steps even when one fails')
    .option('--connection <name>', 'the named connection its SQL steps run on')
    .action(
      async (
        runId: string,
        section: number,
        flags: ApiFlags & {
          param?: Record<string, string>;
          paramEnv?: Record<string, string>;
          continueOnFailure?: boolean;
          connection?: string;
        },
      ) => {
        const body = definedOnly({
          section,
          parameters: stepParameters({ ...flags, follow: false }, io.env),
          continueOnFailure: flags.continueOnFailure,
          connection: flags.connection,
        });
        const queued = await clientOf(flags).request<StepExecution[]>(
          'POST',
          runPath(runId, '/sections/run-read-only'),
          { body },
        );
        if (flags.json === true) return writeJson(io.stdout, queued);
        writeLines(
          io.stdout,
          `Queued ${queued.map((e) => e.stepId).join(', ')} (one after the other).`,
          `Follow: astreinte run show ${runId}`,
        );
      },
    );

  for (const [name, outcome, what] of [
    ['check', 'done', 'check off a manual step, saying what was done'],
    ['skip', 'skipped', 'skip a step, saying why'],
  ] as const) {
    withApiOptions(run.command(name))
      .description(what)
      .argument('<runId>', 'run id')
      .argument('<stepId>', 'step id, e.g. s3')
      .requiredOption('--note <text>', outcome === 'done' ? 'what was done' : 'why it is skipped')
      .action(async (runId: string, stepId: string, flags: ApiFlags & { note: string }) => {
        const body = { outcome, note: flags.note };
        const recorded = await clientOf(flags).request<StepExecution>(
          'POST',
          runPath(runId, `/steps/${encodeURIComponent(stepId)}/outcome`),
          { body },
        );
        if (flags.json === true) return writeJson(io.stdout, recorded);
        writeLines(io.stdout, `${recorded.stepId} attempt ${recorded.attempt}: ${recorded.status}.`);
      });
  }

  withApiOptions(run.command('end'))
    .description('end a run as verified, failed or abandoned (abandoning cancels what still runs)')
    .argument('<runId>', 'run id')
    .addOption(
      new Option('--outcome <outcome>', 'how the run ended')
        .choices(['verified', 'failed', 'abandoned'])
        .makeOptionMandatory(),
    )
    .option('--note <text>', 'a word for the timeline')
    .action(async (runId: string, flags: ApiFlags & { outcome: string; note?: string }) => {
      const ended = await clientOf(flags).request<Run>('POST', runPath(runId, '/end'), {
        body: definedOnly({ outcome: flags.outcome, note: flags.note }),
      });
      if (flags.json === true) return writeJson(io.stdout, ended);
      writeLines(io.stdout, ...formatRun(ended));
    });
}
