import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { runnerSandboxes, type RunnerLabels, type RunnerSandbox } from '../execution/jobs/runner-model.js';
import { parseRunnerSelector } from '../execution/jobs/runner-selector.js';
import { httpTransport } from '../runner/runner-api.js';
import type { RunnerLog } from '../runner/runner.js';
import { SandboxUnavailableError } from '../runner/sandbox/check-sandbox.js';
import { startRunner } from '../runner/start-runner.js';
import { logFormats, type Config } from '../config/config.js';
import { createLogger } from '../node/create-logger.js';
import { CliError, exitCodes, type CliIo } from './cli-io.js';

type LogFormat = Config['logFormat'];

interface RunnerFlags {
  url?: string;
  tokenFromEnv: string;
  tokenFile?: string;
  tokenStdin?: boolean;
  name?: string;
  label: string[];
  concurrency: string;
  sandbox?: RunnerSandbox;
  writable: string[];
  hide: string[];
  workdir?: string;
  logLevel: string;
  logFormat?: LogFormat;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `astreinte runner`: runs steps for a server, from any host that can reach it (no inbound port).
 * The token never goes on the command line: from an environment variable, a file, or standard
 * input (how `serve` hands one to its local runner, which then also stops when the server does).
 */
export function registerRunnerCommand(program: Command, io: CliIo, version: string): void {
  program
    .command('runner')
    .description(
      'run steps for an Astreinte server: claims them over HTTP(S), runs them in a sandbox, streams their output back',
    )
    .option('--url <url>', 'the server (ASTREINTE_URL, default http://127.0.0.1:8080)')
    .option('--token-from-env <VAR>', 'environment variable holding the runner token', 'ASTREINTE_RUNNER_TOKEN')
    .option('--token-file <file>', 'file holding the runner token')
    .option('--token-stdin', 'read the token from the first line of standard input, and stop when it closes')
    .option('--name <name>', 'how the runner is shown (default: the host name)')
    .option('--label <name=value>', 'a label steps can select it by (repeatable): --label env=prod', collect, [])
    .option('--concurrency <n>', 'steps run at once', '4')
    .addOption(
      new Option(
        '--sandbox <kind>',
        'bwrap (bubblewrap), or none: unconfined, warned (ASTREINTE_RUNNER_SANDBOX)',
      ).choices(runnerSandboxes),
    )
    .option(
      '--writable <path>',
      'a folder steps may write to (repeatable); the rest of the file system is read-only to them',
      collect,
      [],
    )
    .option('--hide <path>', 'a folder or file steps must not see (repeatable)', collect, [])
    .option('--workdir <dir>', 'working directory of shell steps (default: the home folder)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug or silent', 'info')
    .addOption(
      new Option(
        '--log-format <format>',
        'auto (readable on a terminal, JSON when piped), json or pretty (ASTREINTE_LOG_FORMAT)',
      ).choices(logFormats),
    )
    .action(async (flags: RunnerFlags) => {
      const { token, stdinClosed } = await readToken(flags, io);
      const labels = readLabels(flags.label);
      const capacity = Number(flags.concurrency);
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 64)
        throw new CliError('--concurrency must be a whole number from 1 to 64', exitCodes.usage);
      const sandbox = flags.sandbox ?? readSandbox(io.env['ASTREINTE_RUNNER_SANDBOX']);
      const url = flags.url ?? io.env['ASTREINTE_URL'] ?? 'http://127.0.0.1:8080';
      const log = pinoLog(flags.logLevel, flags.logFormat ?? readLogFormat(io.env['ASTREINTE_LOG_FORMAT']), io);
      const runner = await startRunner({
        transport: httpTransport(url, token),
        labels,
        capacity,
        sandbox,
        writable: flags.writable,
        hidden: flags.hide,
        log,
        version,
        ...(flags.name === undefined ? {} : { name: flags.name }),
        ...(flags.workdir === undefined ? {} : { cwd: flags.workdir }),
      }).catch((error: unknown) => {
        if (error instanceof SandboxUnavailableError)
          throw new CliError(`no sandbox for steps: ${error.message}`, exitCodes.failed);
        throw new CliError(`the runner could not register with ${url}: ${(error as Error).message}`);
      });
      log.info('runner started', { url, labels, sandbox, capacity });
      const stop = (): void => void runner.stop({ cancel: true });
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      void stdinClosed?.then(stop);
      await runner.done;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      // A server's local runner reads its token from a pipe that stays open: let go of it to exit.
      if (flags.tokenStdin === true) process.stdin.destroy();
      if (runner.failure !== null) throw new CliError(`runner stopped: ${runner.failure}`);
      log.info('runner stopped');
    });
}

async function readToken(flags: RunnerFlags, io: CliIo): Promise<{ token: string; stdinClosed: Promise<void> | null }> {
  let token: string | undefined;
  let stdinClosed: Promise<void> | null = null;
  if (flags.tokenStdin === true) {
    const stdin = firstLineOfStdin();
    stdinClosed = stdin.closed;
    token = await stdin.token;
  } else if (flags.tokenFile !== undefined) token = readFileSync(flags.tokenFile, 'utf8').trim();
  else token = io.env[flags.tokenFromEnv]?.trim();
  if (token === undefined || token === '') {
    throw new CliError(
      `no runner token: set ${flags.tokenFromEnv}, or give --token-file or --token-stdin (an admin creates one: astreinte token create --role runner)`,
      exitCodes.usage,
    );
  }
  return { token, stdinClosed };
}

/**
 * The first line of stdin (the token), and a promise of stdin's closing: the server that started
 * this runner is gone, so the runner stops.
 */
function firstLineOfStdin(): { token: Promise<string>; closed: Promise<void> } {
  const lines = createInterface({ input: process.stdin });
  const closed = new Promise<void>((resolve) => lines.once('close', resolve));
  const token = new Promise<string>((resolve) => {
    lines.once('line', (line) => resolve(line.trim()));
    void closed.then(() => resolve(''));
  });
  return { token, closed };
}

function readLabels(written: readonly string[]): RunnerLabels {
  const { labels, issues } = parseRunnerSelector(written.join(','), '--label');
  if (issues.length > 0) throw new CliError(issues.map((issue) => issue.message).join('; '), exitCodes.usage);
  return labels;
}

function readSandbox(value: string | undefined): RunnerSandbox {
  if (value === undefined || value === '') return 'bwrap';
  if ((runnerSandboxes as readonly string[]).includes(value)) return value as RunnerSandbox;
  throw new CliError(
    `ASTREINTE_RUNNER_SANDBOX must be one of ${runnerSandboxes.join(', ')} (got ${JSON.stringify(value)})`,
    exitCodes.usage,
  );
}

function readLogFormat(value: string | undefined): LogFormat {
  if (value === undefined || value === '') return 'auto';
  if ((logFormats as readonly string[]).includes(value)) return value as LogFormat;
  throw new CliError(
    `ASTREINTE_LOG_FORMAT must be one of ${logFormats.join(', ')} (got ${JSON.stringify(value)})`,
    exitCodes.usage,
  );
}

function pinoLog(level: string, format: LogFormat, io: CliIo): RunnerLog {
  const logger = createLogger({ level, format, service: 'astreinte-runner', output: io.stdout });
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
