import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { bootstrapDatabase } from '../auth/bootstrap-admin.js';
import type { Config } from '../config/config.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { Database } from '../storage/database.js';
import { migrateDatabase } from '../storage/migrate.js';
import { openDatabase } from '../storage/open-database.js';
import { startLocalRunner } from '../runner/local-runner.js';
import { buildApp } from './build-app.js';
import type { App } from './http-deps.js';

export interface RunningServer {
  app: App;
  db: Database;
  logger: Logger;
  /** Base URL the server listens on (the real port when 0 was asked). */
  url: string;
  /** The first admin token, on the first start of an empty database only. */
  adminToken: string | null;
  /** Migrations this start applied. */
  migrated: string[];
  /**
   * Stops accepting connections, lets in-flight requests finish (up to the configured timeout),
   * then closes the database. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Opens the database, migrates, bootstraps an empty one, listens, and (unless turned off) starts
 * the local runner as a child process. `hidden` names files its steps must not see besides the
 * data folder (the configuration file).
 */
export async function startServer(
  config: Config,
  options: { logger?: Logger; hidden?: readonly string[] } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'astreinte' } });
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl === undefined ? resolve(config.dataDir) : undefined,
    poolSize: config.databasePoolSize,
  });
  try {
    const migrated = await migrateDatabase(db);
    if (migrated.length > 0) logger.info({ migrations: migrated }, 'database migrated');
    const boot = await bootstrapDatabase(db, config.demo ? { seed: seedDemo } : {});
    if (boot.firstStart) logger.info({ demo: config.demo }, 'empty database bootstrapped');
    const app = await buildApp({ db, config, logger });
    await app.listen({ host: config.host, port: config.port }).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    const runner = config.localRunner
      ? await startLocalRunner({
          db,
          url,
          logger,
          logLevel: config.logLevel,
          sandbox: config.runnerSandbox,
          concurrency: config.stepConcurrency,
          hidden: [
            ...(config.databaseUrl === undefined ? [resolve(config.dataDir)] : []),
            ...(options.hidden ?? []).map((path) => resolve(path)),
          ],
          writable: config.runnerWritablePaths
            .split(':')
            .filter((path) => path !== '')
            .map((path) => resolve(path)),
          ...(config.stepWorkingDir === undefined ? {} : { workdir: config.stepWorkingDir }),
        })
      : null;
    let closing: Promise<void> | undefined;
    return {
      app,
      db,
      logger,
      url,
      adminToken: boot.adminToken,
      migrated,
      // The runner goes first: its steps are cancelled and their ends recorded while the server still answers.
      close: () =>
        (closing ??= (runner?.stop() ?? Promise.resolve()).then(() =>
          closeServer(app, db, config.shutdownTimeoutMs, logger),
        )),
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function closeServer(app: App, db: Database, timeoutMs: number, logger: Logger): Promise<void> {
  // Past the timeout, idle and lingering connections are cut so that shutdown always ends.
  const force = setTimeout(() => {
    logger.warn({ timeoutMs }, 'in-flight requests still running at shutdown timeout: closing connections');
    app.server.closeAllConnections();
  }, timeoutMs);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
    await db.close();
  }
}
