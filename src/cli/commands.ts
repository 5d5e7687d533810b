import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
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

/** Every command of `astreinte`, in the order `--help` lists them. */
export function registerCommands(program: Command, io: CliIo, version: string): void {
  registerServeCommand(program, io);
  registerRunnerCommand(program, io, version);
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
}
