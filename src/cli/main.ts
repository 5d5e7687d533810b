import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { projectRoot } from '../core/project-root.js';
import { CliError, exitCodes, writeLines, type CliIo } from './cli-io.js';

export type { CliIo } from './cli-io.js';

/**
 * Runs the `astreinte` command with `argv` (the arguments after the program name) and returns its
 * exit code: 0 done, 1 failed, 2 bad usage or configuration. It never exits the process itself,
 * except `serve`, which returns once listening and exits on SIGTERM / SIGINT after a graceful stop.
 */
export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() },
): Promise<number> {
  const program = await buildProgram(io, argv);
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
    writeLines(io.stderr, `error: ${(error as Partial<Error>).message ?? String(error)}`);
    return exitCodes.failed;
  }
}

async function buildProgram(io: CliIo, argv: readonly string[]): Promise<Command> {
  const program = new Command('astreinte')
    .description('Astreinte incident response: run the server, manage tokens, work incidents from the terminal')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError();
  // Settings above are copied to each subcommand when it is created, so they are set first.
  // A runner loads its own command only: half the memory of the whole CLI (with the server's
  // modules), and every step it starts forks that process.
  if (argv[0] === 'runner') {
    const { registerRunnerCommand } = await import('./runner-command.js');
    registerRunnerCommand(program, io, packageVersion());
    return program;
  }
  const { registerCommands } = await import('./commands.js');
  registerCommands(program, io, packageVersion());
  return program;
}

function packageVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: string }).version ??
      'unknown'
    );
  } catch {
    return 'unknown';
  }
}
