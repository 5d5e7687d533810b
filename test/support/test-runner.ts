import { createApiToken } from '../../src/auth/create-api-token.js';
import { systemActor } from '../../src/core/actor.js';
import type { RunnerLabels, RunnerSandbox } from '../../src/execution/jobs/runner-model.js';
import type { App } from '../../src/http/http-deps.js';
import type { RunnerTransport } from '../../src/runner/runner-api.js';
import type { Runner } from '../../src/runner/runner.js';
import { startRunner } from '../../src/runner/start-runner.js';
import type { Database } from '../../src/storage/database.js';

export interface TestRunnerOptions {
  labels?: RunnerLabels;
  name?: string;
  capacity?: number;
  /** Folders its steps may write to; tests that check files their steps touch use `/tmp`. */
  writable?: string[];
  hidden?: string[];
  cwd?: string;
}

/**
 * The sandbox test runners use: bubblewrap, as in production (`.ci/run` installs it); a machine
 * without it can run the tests with ASTREINTE_TEST_SANDBOX=none, knowing the sandbox tests fail.
 */
export const testSandbox: RunnerSandbox = process.env['ASTREINTE_TEST_SANDBOX'] === 'none' ? 'none' : 'bwrap';

/** Requests through the app itself (no socket), with a runner token: the real protocol, in-process. */
export function injectTransport(app: App, token: string): RunnerTransport {
  return {
    async request(method, path, body) {
      const response = await app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.body === '' ? null : response.json<unknown>() };
    },
  };
}

/** A runner token, as an admin would make one. */
export async function createRunnerToken(db: Database, name = 'test runner'): Promise<{ id: string; secret: string }> {
  const ctx = { actor: systemActor, requestId: 'test', db, now: () => new Date() };
  const { token, secret } = await createApiToken({ ctx, input: { role: 'runner', name } });
  return { id: token.id, secret };
}

/** A real runner (sandboxed steps, the runner protocol) working for an in-process test app. */
export async function startTestRunner(app: App, db: Database, options: TestRunnerOptions = {}): Promise<Runner> {
  const { secret } = await createRunnerToken(db, options.name ?? 'test runner');
  return startRunner({
    transport: injectTransport(app, secret),
    sandbox: testSandbox,
    name: options.name ?? 'test runner',
    labels: options.labels ?? {},
    capacity: options.capacity ?? 4,
    writable: options.writable ?? ['/tmp'],
    hidden: options.hidden ?? [],
    claimWaitMs: 500,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    log: { info: () => undefined, warn: () => undefined, error: (message, fields) => console.error(message, fields) },
  });
}
