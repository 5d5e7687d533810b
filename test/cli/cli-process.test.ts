import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, spawnCli, startTestServer, tempDir, type TempDir, unusedPort } from './cli-harness.js';

// Each test starts real server processes (PGlite's first open included): slow on a loaded machine.
describe('astreinte as a real process', { timeout: 90_000 }, () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting it.
    await (dir as TempDir | undefined)?.remove();
  });

  it('prints the incidents as JSON and exits 0', async () => {
    const server = await startTestServer(join(dir.path, 'list'));
    try {
      const cli = spawnCli(
        ['incident', 'list', '--json'],
        cleanEnv({ ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! }),
      );
      const { code } = await cli.exited;
      expect(code, cli.stderr()).toBe(0);
      expect(JSON.parse(cli.stdout())).toEqual({ items: [], total: 0 });
    } finally {
      await server.close();
    }
  });

  it('exits 1 with the message on stderr when no server answers', async () => {
    const url = `http://127.0.0.1:${await unusedPort()}`;
    const cli = spawnCli(['incident', 'list', '--url', url], cleanEnv());
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.stdout()).toBe('');
    expect(cli.stderr()).toContain(`error: cannot connect to Astreinte at ${url}: connection refused`);
  });

  it('serves until SIGTERM, exits 0, and on restart keeps the data without a new admin token or setup link', async () => {
    const dataDir = join(dir.path, 'serve');
    const args = ['serve', '--data-dir', dataDir, '--port', '0', '--log-level', 'silent'];
    const first = spawnCli(args);
    const [, url] = await first.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
    const [, token] = await first.waitFor(/^First admin token \(shown only this once.*\): (ast_\S+)$/m);
    const [, setupUrl] = await first.waitFor(/^Setup link \(.*works once, for 24 hours\): (http:\/\/\S+)$/m);
    expect(setupUrl).toBe(`${url!}/setup?token=${new URL(setupUrl!).searchParams.get('token')}`);
    await first.waitFor(/^Secret key: created (.*)secret\.key /m);
    expect(first.stdout()).toContain(`Secret key: created ${join(dataDir, 'secret.key')} `);
    const setUp = await fetch(`${url!}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(setupUrl!).searchParams.get('token'), password: 'chosen at first start' }),
    });
    expect(setUp.status).toBe(200);
    expect((await fetch(`${url!}/healthz`)).status).toBe(200);
    const declared = await fetch(`${url!}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token!}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Survives a restart' }),
    });
    expect(declared.status).toBe(201);
    first.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.stdout()).toMatch(/SIGTERM received: stopping.*\nAstreinte stopped\n$/);

    const second = spawnCli(args);
    const [, url2] = await second.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
    const list = await fetch(`${url2!}/api/v1/incidents`, { headers: { authorization: `Bearer ${token!}` } });
    expect(((await list.json()) as { items: { title: string }[] }).items.map((incident) => incident.title)).toEqual([
      'Survives a restart',
    ]);
    second.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.stdout()).not.toContain('ast_');
    expect(second.stdout()).not.toMatch(/admin token|setup link|secret key/i);
    expect(second.stderr()).toBe('');
  }, 120_000);

  it('reports a bad setting and exits 2 without starting', async () => {
    const cli = spawnCli(['serve', '--port', 'eighty', '--data-dir', join(dir.path, 'bad')]);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr()).toContain('--port: must be integer (got "eighty")');
  });
});
