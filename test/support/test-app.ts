import { afterAll, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { createApiToken } from '../../src/auth/create-api-token.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { systemActor, type Role } from '../../src/core/actor.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAppDeps } from '../../src/node/create-app-deps.js';
import { startNodeLoops, type LoopName } from '../../src/node/start-node-loops.js';
import type { App } from '../../src/http/http-deps.js';
import type { BackendName, Database } from '../../src/storage/database.js';
import { openTestDatabase } from './test-database.js';
import { startTestRunner, type TestRunnerOptions } from './test-runner.js';

export interface TestUser {
  id: string;
  token: string;
}

export interface TestApp {
  app: App;
  db: Database;
  /** Tokens of one user per role (`admin` is the bootstrap admin). */
  users: Record<Role, TestUser>;
  /** Sends a request through the app (no socket); `token` defaults to the admin's. */
  call(
    method: string,
    url: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * A test configuration: defaults, no environment, overrides applied. No local runner unless asked
 * (`localRunner: true`): most servers a test starts run no step.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ env: {}, overrides: { logLevel: 'silent', localRunner: false, ...overrides } });
}

/**
 * A fresh database on `backend`, bootstrapped, with a viewer and a responder besides the admin,
 * and an app on it. The app runs none of a node's loops unless asked: `loops: true` for all, or
 * the ones a test needs (`loops: ['timers']`), so that nothing happens behind a test's back.
 */
export async function createTestApp(
  backend: BackendName,
  options: {
    config?: Partial<Config>;
    now?: () => Date;
    env?: Record<string, string>;
    runner?: boolean | TestRunnerOptions;
    loops?: boolean | readonly LoopName[];
  } = {},
): Promise<TestApp> {
  const testDb = await openTestDatabase(backend);
  const { db } = testDb;
  const boot = await bootstrapDatabase(db);
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
  const users = { admin: { id: rows[0]!.id, token: boot.adminToken! } } as Record<Role, TestUser>;
  const ctx = { actor: systemActor, requestId: 'test', db, now: () => new Date() };
  for (const role of ['viewer', 'responder'] as const) {
    const created = await db.query<{ id: string }>(
      `INSERT INTO users (username, name, email, role) VALUES ($1, $2, $3, $1) RETURNING id`,
      [role, `Test ${role}`, `${role}@example.test`],
    );
    const id = created.rows[0]!.id;
    const { secret } = await createApiToken({ ctx, input: { userId: id, name: `${role} token`, role } });
    users[role] = { id, token: secret };
  }
  // Tests never hand the runner's environment to steps: only what they set (`env: {}` by default).
  const deps = createAppDeps({
    db,
    config: testConfig(options.config),
    env: options.env ?? {},
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const app = await buildApp(deps);
  await app.ready();
  // As a node does: listening before the first request, so timers and streams hear every change.
  await deps.live.start();
  const loops =
    options.loops === undefined || options.loops === false
      ? null
      : startNodeLoops(deps, { log: app.log, ...(options.loops === true ? {} : { only: options.loops }) });
  // Steps run on runners only: tests that run steps ask for one (sandboxed, over the runner API).
  const runner =
    options.runner === undefined || options.runner === false
      ? null
      : await startTestRunner(app, db, options.runner === true ? {} : options.runner);
  return {
    app,
    db,
    users,
    call: (method, url, callOptions = {}) => {
      const token = callOptions.token === undefined ? users.admin.token : callOptions.token;
      const headers: Record<string, string> = {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...callOptions.headers,
      };
      return app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(callOptions.body === undefined ? {} : { payload: callOptions.body as object }),
      });
    },
    close: async () => {
      // A node's shutdown order: runner, app, loops, database.
      await runner?.stop({ cancel: true });
      await app.close();
      await loops?.stop();
      await testDb.close();
    },
  };
}

/**
 * Registers the hooks that give a describe block one app on `backend` (created before its tests,
 * closed after) and returns it; the object is filled in when the tests start.
 */
export function useTestApp(
  backend: BackendName,
  available: boolean,
  options: Parameters<typeof createTestApp>[1] = {},
): TestApp {
  const handle = {} as TestApp;
  beforeAll(async () => {
    if (available) Object.assign(handle, await createTestApp(backend, options));
  });
  afterAll(async () => {
    if (available) await handle.close();
  });
  return handle;
}
