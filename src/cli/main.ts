import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { projectRoot } from '../core/project-root.js';
import { CliError, exitCodes, writeLines, type CliIo } from './cli-io.js';
import { registerIncidentCommands } from './incident-command.js';
import { registerOncallCommands } from './oncall-command.js';
import { registerPostmortemCommands } from './postmortem-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerProbeCommands } from './probe-command.js';
import { registerReportCommands } from './report-command.js';
import { registerRunCommands } from './run-command.js';
import { registerRunbookCommands } from './runbook-command.js';
import { registerRunnerCommand } from './runner-command.js';
import { registerSecretCommands } from './secret-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerTokenCommands } from './token-command.js';
import { registerUserCommands } from './user-command.js';

export type { CliIo } from './cli-io.js';

/**
 * Runs the `astreinte` command with `argv` (the arguments after the program name) and returns its
 * exit code: 0 done, 1 failed, 2 bad usage or configuration. It never exits the process itself,
 * except `serve`, which returns once listening and exits on SIGTERM / SIGINT after a graceful stop.
 */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "exit" with 0; the message of a usage error is already printed.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof CliError) {
      writeLines(io.stderr, `error: ${error.message}`, ...error.details);
      return error.exitCode;
    }
    writeLines(io.stderr, `error: ${(error as Error).message ?? String(error)}`);
    return exitCodes.failed;
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command('astreinte')
    .description('Astreinte incident response: run the server, manage tokens, work incidents from the terminal')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError();
  // Settings above are copied to each subcommand when it is created, so they are set first.
  registerServeCommand(program, io);
  registerRunnerCommand(program, io, packageVersion());
  registerMigrateCommand(program, io);
  registerTokenCommands(program, io);
  registerSecretCommands(program, io);
  registerIncidentCommands(program, io);
  registerOncallCommands(program, io);
  registerRunbookCommands(program, io);
  registerRunCommands(program, io);
  registerProbeCommands(program, io);
  registerReportCommands(program, io);
  registerPostmortemCommands(program, io);
  registerUserCommands(program, io);
  return program;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
