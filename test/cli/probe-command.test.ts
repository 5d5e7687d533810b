import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../../src/node/start-node.js';
import { eventually } from '../support/eventually.js';
import { testConfig } from '../support/test-app.js';
import { runCaptured, tempDir, type TempDir } from './cli-harness.js';

describe('astreinte probe list, add, test and results, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let health: Server;
  let healthUrl: string;
  const answer = { status: 200, body: '{"database":"connected"}' };
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  beforeAll(async () => {
    dir = await tempDir();
    server = await startNode(testConfig({ port: 0, dataDir: dir.path, secretKey: 'ab'.repeat(32), probeTickMs: 50 }));
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
    health = createServer((_request, response) =>
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
    );
    await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
    healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    const healthServer = health as Server | undefined;
    if (healthServer !== undefined) await new Promise((resolve) => healthServer.close(resolve));
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('adds an HTTP probe with conditions, interval and severity', async () => {
    const run = await cli(
      'probe',
      'add',
      '--name',
      'Health',
      '--http',
      healthUrl,
      '--condition',
      '[STATUS] == 200',
      '--condition',
      '$.database == connected',
      '--interval',
      '30',
      '--severity',
      'p1',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Added probe Health \([0-9a-f-]{36}\): http, every 30 s, P1\nConditions: \[STATUS\] == 200; \$\.database == connected\n$/,
    );
  });

  it('refuses, as usage errors, a missing or doubled target, a bad address and credentials on the command line', async () => {
    const usage = async (argv: string[], message: string) => {
      const run = await cli('probe', 'add', ...argv);
      expect(run.code, run.stdout).toBe(2);
      expect(run.stderr).toContain(message);
    };
    await usage(
      ['--name', 'X'],
      'say what to check: --http, --tcp, --tls, --dns, --postgres-url-from-env, --redis-url-from-env, --prometheus-query',
    );
    await usage(
      ['--name', 'X', '--tcp', 'db:5432', '--dns', 'example.com'],
      'one target per probe, not --tcp and --dns',
    );
    await usage(['--tcp', 'db:5432'], 'give the probe a --name');
    await usage(['--name', 'X', '--tcp', 'db'], '--tcp takes host:port');
    await usage(['--name', 'X', '--http', 'http://admin:pw@127.0.0.1/health'], '--http holds a password');
    await usage(['--name', 'X', '--postgres-url-from-env', 'PROBE_DB_URL'], 'PROBE_DB_URL is not set');
    await usage(['--name', 'X', '--tcp', 'db:5432', '--severity', 'P9'], 'expected P1, P2, P3 or P4');
  });

  it('reads a database URL from the environment variable named, never printing its password', async () => {
    const run = await runCaptured(
      ['probe', 'add', '--name', 'Database', '--postgres-url-from-env', 'PROBE_DB_URL', '--json'],
      { ...env, PROBE_DB_URL: 'postgres://app:s3cret-pass@127.0.0.1:1/app' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).target).toEqual({ kind: 'postgres', url: 'postgres://app:********@127.0.0.1:1/app' });
    expect(run.stdout).not.toContain('s3cret-pass');
  });

  it('lists probes as a table, filtered by status, or as JSON', async () => {
    const table = await cli('probe', 'list');
    expect(table.code, table.stderr).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^name\s+kind\s+status\s+last check\s+last detail$/);
    expect(rows.map((row) => row.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['Database', 'postgres', 'unknown'],
      ['Health', 'http', 'unknown'],
    ]);
    expect((await cli('probe', 'list', '--status', 'down')).stdout).toBe('no probes\n');
    expect(
      JSON.parse((await cli('probe', 'list', '--kind', 'http', '--json')).stdout).map(
        (probe: { name: string }) => probe.name,
      ),
    ).toEqual(['Health']);
    expect((await cli('probe', 'list', '--status', 'sideways')).code).toBe(1);
  });

  it('tests a probe without saving it, each condition with ✓ or ✗ and what it saw, exiting 1 when it fails', async () => {
    const passing = await cli(
      'probe',
      'test',
      '--http',
      healthUrl,
      '--condition',
      '[STATUS] == 200',
      '--condition',
      '$.database == connected',
    );
    expect(passing.code, passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(
      /^✓ \[STATUS\] == 200 {2}.*\n✓ \$\.database == connected {2}.*\npassed in \d+ ms\n$/,
    );
    answer.status = 503;
    const failing = await cli('probe', 'test', '--http', healthUrl, '--condition', '[STATUS] == 200');
    answer.status = 200;
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('✗ [STATUS] == 200  [STATUS] (503) == 200');
    expect(failing.stderr).toContain('error: the check failed');
    const unreachable = await cli('probe', 'test', '--tcp', '127.0.0.1:1');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toMatch(/✗/);
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probes');
    expect(rows[0]!.n).toBe(2);
  });

  it("shows a probe's recent checks and uptime windows, by name or id", async () => {
    await server.db.query(`UPDATE probes SET next_run_at = now() WHERE name = 'Health'`);
    await eventually('a check of Health', async () => {
      const { rows } = await server.db.query(
        `SELECT 1 FROM probe_results r JOIN probes p ON p.id = r.probe_id WHERE p.name = 'Health'`,
      );
      return rows.length > 0 ? true : null;
    });
    const run = await cli('probe', 'results', 'Health');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Health \(http\): up, last check \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\n/);
    expect(run.stdout).toMatch(/24h\s+100%\s+1\s+0\s+\d+ ms\s+\d+ ms/);
    expect(run.stdout).toMatch(/checked at\s+result\s+latency\s+detail\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+ok\s+\d+ ms/);
    const json = JSON.parse((await cli('probe', 'results', 'health', '--json')).stdout) as {
      probe: { id: string };
      results: unknown[];
      uptime: unknown[];
    };
    expect([json.results.length, json.uptime.length]).toEqual([1, 4]);
    expect((await cli('probe', 'results', json.probe.id)).stdout).toContain('Health (http): up');
    expect((await cli('probe', 'list', '--status', 'up')).stdout).toMatch(
      /Health\s+http\s+up\s+\S+ \S+\s+ok in \d+ ms/,
    );
    const unknown = await cli('probe', 'results', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no probe named "nope"');
  });
});
