import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, RunnerApi, RunnerApiError } from '../../src/runner/runner-api.js';
import { runCaptured, startTestServer, tempDir, type TempDir } from './cli-harness.js';

describe('astreinte token and migrate, directly on the database', () => {
  let dir: TempDir;
  let dataDir: string;

  beforeAll(async () => {
    dir = await tempDir();
    dataDir = join(dir.path, 'data');
    // A first start bootstraps the admin user, as an operator's first `astreinte serve` does.
    const first = await startTestServer(dataDir);
    await first.close();
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting it.
    await (dir as TempDir | undefined)?.remove();
  });

  it('creates a token while no server runs, and that token works against a server started on the folder', async () => {
    const created = await runCaptured([
      'token',
      'create',
      '--role',
      'responder',
      '--name',
      'pager bot',
      '--data-dir',
      dataDir,
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created responder token [0-9a-f-]{36} for user admin \("pager bot"\)\.$/m);
    expect(created.stdout).toContain('shown only this once');
    const secret = /^ast_[A-Za-z0-9_-]{43}$/m.exec(created.stdout)![0];

    const server = await startTestServer(dataDir);
    try {
      expect(server.adminToken).toBeNull();
      const declared = await runCaptured([
        'incident',
        'declare',
        'Made with a CLI token',
        '--url',
        server.url,
        '--token',
        secret,
      ]);
      expect(declared.code, declared.stderr).toBe(0);
      const listed = await runCaptured(['incident', 'list', '--json'], {
        ASTREINTE_URL: server.url,
        ASTREINTE_TOKEN: secret,
      });
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout).items[0]).toMatchObject({ title: 'Made with a CLI token' });
    } finally {
      await server.close();
    }
  });

  it('refuses clearly while a server has the embedded folder open', async () => {
    const server = await startTestServer(dataDir);
    try {
      const run = await runCaptured(['token', 'create', '--role', 'admin', '--data-dir', dataDir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the embedded database in ${dataDir} is open in another process`);
      expect(run.stderr).toContain('can be open in only one process at a time');
    } finally {
      await server.close();
    }
  });

  it('lists tokens with their owner and state, and revokes one so that it stops working', async () => {
    const created = await runCaptured([
      'token',
      'create',
      '--role',
      'viewer',
      '--name',
      'dashboard',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { token, secret } = JSON.parse(created.stdout) as { token: { id: string; role: string }; secret: string };
    expect(token.role).toBe('viewer');

    const revoked = await runCaptured(['token', 'revoke', token.id, '--data-dir', dataDir]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token ${token.id} ("dashboard", viewer)`);

    const list = await runCaptured(['token', 'list', '--user', 'admin', '--data-dir', dataDir]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+USER\s+ROLE\s+STATE\s+PREFIX\s+CREATED\s+LAST USED\s+NAME$/);
    expect(list.stdout).toMatch(new RegExp(`^${token.id}\\s+admin\\s+viewer\\s+revoked\\s+ast_\\S+….*dashboard$`, 'm'));
    expect(list.stdout).toMatch(/\sadmin\s+admin\s+active\s.*first admin token$/m);
    expect(list.stdout).not.toContain(secret);

    const server = await startTestServer(dataDir);
    try {
      const refused = await runCaptured(['incident', 'list', '--url', server.url, '--token', secret]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('HTTP 401');
    } finally {
      await server.close();
    }
  });

  it('explains unknown users, roles and ids', async () => {
    const user = await runCaptured(['token', 'create', '--role', 'admin', '--user', 'nobody', '--data-dir', dataDir]);
    expect(user.code).toBe(1);
    expect(user.stderr).toBe('error: no user "nobody"\n  users: admin\n');
    const role = await runCaptured(['token', 'create', '--role', 'root', '--data-dir', dataDir]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Allowed choices are viewer, responder, admin');
    const id = await runCaptured(['token', 'revoke', '00000000-0000-4000-8000-000000000000', '--data-dir', dataDir]);
    expect(id.code).toBe(1);
    expect(id.stderr).toContain('api token 00000000-0000-4000-8000-000000000000 does not exist');
  });

  it('says how to start when the database has no users yet', async () => {
    const empty = join(dir.path, 'never-served');
    const migrated = await runCaptured(['migrate', '--data-dir', empty]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^Applied to the embedded database in .*never-served:\n {2}001_init\n/);
    const again = await runCaptured(['migrate', '--data-dir', empty]);
    expect(again.stdout).toContain('is up to date: no migration to apply');
    const token = await runCaptured(['token', 'create', '--role', 'admin', '--data-dir', empty]);
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('this database has no users yet');
    expect(token.stderr).toContain('start `astreinte serve` once');
  });

  it('reports a bad configuration value with exit code 2', async () => {
    const run = await runCaptured(['migrate', '--database-url', 'mysql://nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: invalid configuration:\n {2}- --database-url: /);
  });

  it('prints a runner token owned by nobody, which token list shows with role runner and user -', async () => {
    const created = await runCaptured([
      'token',
      'create',
      '--role',
      'runner',
      '--name',
      'rack 12 runner',
      '--data-dir',
      dataDir,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const id = /^Created runner token ([0-9a-f-]{36}) \("rack 12 runner"\): start a runner with it/m.exec(
      created.stdout,
    )?.[1];
    expect(id, created.stdout).toBeDefined();
    expect(created.stdout).toContain('shown only this once');
    const secret = /^ast_[A-Za-z0-9_-]{43}$/m.exec(created.stdout)![0];

    const list = await runCaptured(['token', 'list', '--data-dir', dataDir]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+-\\s+runner\\s+active\\s+ast_\\S+….*rack 12 runner$`, 'm'));
    expect(list.stdout).not.toContain(secret);
    const json = JSON.parse((await runCaptured(['token', 'list', '--json', '--data-dir', dataDir])).stdout) as {
      id: string;
      userId: string | null;
      role: string;
    }[];
    expect(json.find((token) => token.id === id)).toMatchObject({ userId: null, role: 'runner' });

    // The secret registers a runner against a server on the folder, and does nothing else there.
    const server = await startTestServer(dataDir);
    try {
      const api = new RunnerApi(httpTransport(server.url, secret), randomUUID());
      expect(
        await api.register({
          name: 'rack 12',
          labels: {},
          sandbox: 'none',
          hostname: 'rack-12',
          version: 'test',
          capacity: 1,
        }),
      ).toMatchObject({ heartbeatMs: expect.any(Number) });
      const refused = await fetch(`${server.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${secret}` } });
      expect(refused.status).toBe(403);
      await api.deregister();
      expect(
        await api.claim(1, 0).then(
          () => null,
          (error: unknown) => (error instanceof RunnerApiError ? error.status : error),
        ),
      ).toBe(409);
    } finally {
      await server.close();
    }
  });
});
