import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { startLocalRunner } from '../runner/local-runner.js';
import { resolveLogFormat } from './create-logger.js';
import type { Database } from '../storage/database.js';

/**
 * Starts the node's local runner (unless configured off), connected to the node's own URL like
 * any remote runner. Its steps see neither the embedded database's folder nor the files named in
 * `hidden` (the configuration file), and write only to the configured writable folders.
 */
export async function startNodeRunner(options: {
  config: Config;
  db: Database;
  now: () => Date;
  url: string;
  logger: Logger;
  hidden: readonly string[];
}): Promise<{ stop(): Promise<void> } | null> {
  const { config } = options;
  if (!config.localRunner) return null;
  return startLocalRunner({
    db: options.db,
    now: options.now,
    url: options.url,
    logger: options.logger,
    logLevel: config.logLevel,
    // Its lines join the server's output: in the same format.
    logFormat: resolveLogFormat(config.logFormat, process.stdout),
    sandbox: config.runnerSandbox,
    concurrency: config.stepConcurrency,
    hidden: [
      ...(config.databaseUrl === undefined ? [resolve(config.dataDir)] : []),
      ...options.hidden.map((path) => resolve(path)),
    ],
    writable: config.runnerWritablePaths
      .split(':')
      .filter((path) => path !== '')
      .map((path) => resolve(path)),
    ...(config.stepWorkingDir === undefined ? {} : { workdir: config.stepWorkingDir }),
  });
}
