import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { startNode, type RunningNode } from '../node/start-node.js';
import { assertDataDirFree, describeDatabase, recordRunningServer } from './cli-database.js';
import { loadCliConfig, type ConfigFlags } from './cli-config.js';
import { CliError, writeLines, type CliIo } from './cli-io.js';
import { consoleUrlOf, startMessage } from './first-start-message.js';

/** `astreinte serve`: runs the HTTP server until SIGTERM or SIGINT. */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the Astreinte server (stops gracefully on SIGTERM / SIGINT)')
    .option('--host <address>', 'bind address (ASTREINTE_HOST, default 127.0.0.1)')
    .option('--port <number>', 'port, 0 for any free one (ASTREINTE_PORT, default 8080)')
    .option('--data-dir <dir>', 'embedded database folder (ASTREINTE_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'use this PostgreSQL server instead (DATABASE_URL)')
    .option('--config <file>', 'JSON file of settings (ASTREINTE_CONFIG); environment and flags override it')
    .option('--demo', 'load demo data into an empty database (ASTREINTE_DEMO)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (ASTREINTE_LOG_LEVEL)')
    .action(async (flags: ConfigFlags) => {
      const config = loadCliConfig(flags, io);
      const configFile = flags.config ?? io.env['ASTREINTE_CONFIG'];
      const server = await start(config, configFile === undefined || configFile === '' ? [] : [configFile]);
      const forget = recordRunningServer(config, server.url, io.now());
      writeLines(io.stdout, `Astreinte listening on ${server.url}`);
      if (config.publicUrl !== undefined) writeLines(io.stdout, `Public URL: ${config.publicUrl}`);
      if (server.migrated.length > 0) writeLines(io.stdout, `Applied migrations: ${server.migrated.join(', ')}`);
      const consoleUrl = consoleUrlOf(server.url, config.publicUrl);
      writeLines(io.stdout, ...startMessage({ ...server, consoleUrl }, io.stdout.isTTY === true));
      stopOnSignals(server, forget, io);
      // Returns while the server keeps the process alive; the signal handlers end it.
    });
}

async function start(config: Config, hidden: string[]): Promise<RunningNode> {
  assertDataDirFree(config);
  try {
    return await startNode(config, { hidden });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new CliError(`cannot listen on ${config.host}:${config.port}: the port is already in use`);
    if (code === 'EADDRNOTAVAIL')
      throw new CliError(`cannot listen on ${config.host}:${config.port}: no such address on this machine`);
    if (code === 'EACCES')
      throw new CliError(
        `cannot listen on ${config.host}:${config.port}: permission denied (ports below 1024 need privileges)`,
      );
    throw new CliError(`the server could not start with ${describeDatabase(config)}: ${(error as Error).message}`);
  }
}

/**
 * On the first SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish
 * (server.close() bounds this by shutdownTimeoutMs), close the database, exit 0. A second signal
 * while stopping exits at once (1), for an operator who cannot wait.
 */
function stopOnSignals(server: RunningNode, forget: () => void, io: CliIo): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      writeLines(io.stderr, `${signal} again: exiting without waiting for in-flight requests`);
      process.exit(1);
    }
    stopping = true;
    writeLines(io.stdout, `${signal} received: stopping (in-flight requests finish first)`);
    server.close().then(
      () => {
        forget();
        writeLines(io.stdout, 'Astreinte stopped');
        process.exit(0);
      },
      (error: unknown) => {
        writeLines(io.stderr, `error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
