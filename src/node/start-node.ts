import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { createLogger } from './create-logger.js';
import { bootstrapDatabase } from '../auth/bootstrap-admin.js';
import type { Config } from '../config/config.js';
import { seedDemo } from '../demo/seed-demo.js';
import { buildApp } from '../http/build-app.js';
import type { App } from '../http/http-deps.js';
import type { Database } from '../storage/database.js';
import { migrateDatabase } from '../storage/migrate.js';
import { openDatabase } from '../storage/open-database.js';
import { parseSecretKey } from '../execution/secrets/secret-crypto.js';
import { createAppDeps } from './create-app-deps.js';
import { startInboundSmtp, type InboundSmtp } from './inbound-smtp/start-inbound-smtp.js';
import { resolveNodeSecretKey, type SecretKeySource } from './node-secret-key.js';
import { startNodeLoops, type LoopName, type NodeLoops } from './start-node-loops.js';
import { startNodeRunner } from './start-node-runner.js';
import { stopNode } from './stop-node.js';

export interface RunningNode {
  app: App;
  db: Database;
  logger: Logger;
  /** Base URL the node listens on (the real port when 0 was asked). */
  url: string;
  /** The first admin token, on the first start of an empty database only. */
  adminToken: string | null;
  /** The first admin's one-time setup link token, on the first start of an empty database only. */
  setupToken: string | null;
  /** Where the key sealing secrets came from (a file beside the embedded database unless configured). */
  secretKey: SecretKeySource;
  /** Migrations this start applied. */
  migrated: string[];
  /** The port of the inbound SMTP listener for replies; null when it is off. */
  inboundSmtpPort: number | null;
  /** Stops the node in order (see stopNode): runner, app and its requests in flight, loops, database. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartNodeOptions {
  logger?: Logger;
  /** Files the local runner's steps must not see besides the data folder (the configuration file). */
  hidden?: readonly string[];
  /** The node's clock (the system clock by default). */
  now?: () => Date;
  /** Where secrets named in ASTREINTE_STEP_SECRET_ENV are read (the process environment by default). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The loops to run (all by default). */
  loops?: readonly LoopName[];
}

/**
 * Runs one Astreinte node: opens the database, migrates, bootstraps an empty one, builds the app,
 * listens, starts the loops, and (unless turned off) the local runner as a child process.
 * Whatever fails on the way is stopped again, in the shutdown order.
 */
export async function startNode(configured: Config, options: StartNodeOptions = {}): Promise<RunningNode> {
  let config = configured;
  const logger =
    options.logger ??
    createLogger({ level: config.logLevel, format: config.logFormat, service: 'astreinte', output: process.stdout });
  const now = options.now ?? (() => new Date());
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl === undefined ? resolve(config.dataDir) : undefined,
    poolSize: config.databasePoolSize,
  });
  let app: App | undefined;
  let loops: NodeLoops = { stop: () => Promise.resolve() };
  let runner: { stop(): Promise<void> } | null = null;
  let inbound: InboundSmtp | null = null;
  const stop = (): Promise<void> => {
    if (app === undefined) return db.close();
    return stopNode({ runner, app, inbound, loops, db, logger, timeoutMs: config.shutdownTimeoutMs });
  };
  try {
    const migrated = await migrateDatabase(db);
    if (migrated.length > 0) logger.info({ migrations: migrated }, 'database migrated');
    const secretKey = await resolveNodeSecretKey(config, db);
    if (secretKey.source.from === 'file' && secretKey.source.created)
      logger.info({ file: secretKey.source.file }, 'secret key created beside the embedded database');
    config = { ...config, secretKey: secretKey.text };
    const boot = await bootstrapDatabase(db, { now, ...(config.demo ? { seed: seedDemo } : {}) });
    if (boot.firstStart) logger.info({ demo: config.demo }, 'empty database bootstrapped');
    const deps = createAppDeps({ db, config, now, logger, ...(options.env === undefined ? {} : { env: options.env }) });
    app = await buildApp(deps, { logger });
    // Listening before the first request: a stream opened at once misses nothing.
    await deps.live.start();
    await app.listen({ host: config.host, port: config.port });
    loops = startNodeLoops(deps, { log: logger, ...(options.loops === undefined ? {} : { only: options.loops }) });
    inbound = await startInboundSmtp({
      config,
      db,
      now,
      secretKey: config.secretKey === undefined ? null : parseSecretKey(config.secretKey),
      logger,
      closeTimeoutMs: config.shutdownTimeoutMs,
    });
    const url = urlOf(app, config);
    runner = await startNodeRunner({ config, db, now, url, logger, hidden: options.hidden ?? [] });
    let closing: Promise<void> | undefined;
    return {
      app,
      db,
      logger,
      url,
      adminToken: boot.adminToken,
      setupToken: boot.setupToken,
      secretKey: secretKey.source,
      migrated,
      inboundSmtpPort: inbound?.port ?? null,
      close: () => (closing ??= stop()),
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

function urlOf(app: App, config: Config): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${port}`;
}
