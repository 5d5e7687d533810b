import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, RunnerApi, RunnerApiError } from '../../src/runner/runner-api.js';
import { runCaptured, startTestServer, tempDir } from './cli-harness.js';

describe('astreinte token create --role runner', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let dataDir: string;

  beforeAll(async () => {
    dir = await tempDir();
    dataDir = join(dir.path, 'data');
    // A first start bootstraps the admin user, as an operator's first `astreinte serve` does.
    const first = await startTestServer(dataDir);
    await first.close();
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it('prints a runner token owned by nobody, which token list shows with role runner and user -', async () => {
    const created = await runCaptured(['token', 'create', '--role', 'runner', '--name', 'rack 12 runner', '--data-dir', dataDir]);
    expect(created.code, created.stderr).toBe(0);
    const id = /^Created runner token ([0-9a-f-]{36}) \("rack 12 runner"\): start a runner with it/m.exec(created.stdout)?.[1];
    expect(id, created.stdout).toBeDefined();
    expect(created.stdout).toContain('shown only this once');
    const secret = /^ast_[A-Za-z0-9_-]{43}$/m.exec(created.stdout)![0];

    const list = await runCaptured(['token', 'list', '--data-dir', dataDir]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+-\\s+runner\\s+active\\s+ast_\\S+….*rack 12 runner$`, 'm'));
    expect(list.stdout).not.toContain(secret);
    const json = JSON.parse((await runCaptured(['token', 'list', '--json', '--data-dir', dataDir])).stdout) as { id: string; userId: string | null; role: string }[];
    expect(json.find((token) => token.id === id)).toMatchObject({ userId: null, role: 'runner' });

    // The secret registers a runner against a server on the folder, and does nothing else there.
    const server = await startTestServer(dataDir);
    try {
      const api = new RunnerApi(httpTransport(server.url, secret), randomUUID());
      expect(await api.register({ name: 'rack 12', labels: {}, sandbox: 'none', hostname: 'rack-12', version: 'test', capacity: 1 })).toMatchObject({ heartbeatMs: expect.any(Number) });
      const refused = await fetch(`${server.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${secret}` } });
      expect(refused.status).toBe(403);
      await api.deregister();
      expect(await api.claim(1, 0).then(() => null, (error: unknown) => (error instanceof RunnerApiError ? error.status : error))).toBe(409);
    } finally {
      await server.close();
    }
  });
});
