import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp } from '../support/test-app.js';

const secretKey = 'cd'.repeat(32);

/** A local health endpoint whose answer the test sets. */
async function startHealthServer(): Promise<{
  url: string;
  answer: { status: number; body: string };
  close(): Promise<void>;
}> {
  const answer = { status: 200, body: '{"database":"connected"}' };
  const server: Server = createServer((_request, response) =>
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    answer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type HealthServer = Awaited<ReturnType<typeof startHealthServer>>;

describe.each(testBackends)('probes through the API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey, probeTickMs: 50 }, loops: ['probes'] });
  let health: HealthServer;
  beforeAll(async () => {
    health = await startHealthServer();
  });
  // afterAll runs even when a beforeAll failed before setting it.
  afterAll(async () => (health as HealthServer | undefined)?.close());

  it.skipIf(!available)('creates a probe with default conditions, lists it and shows it', async () => {
    const created = await t.call('POST', '/api/v1/probes', {
      body: { name: 'Plain health', target: { kind: 'http', url: health.url }, intervalSeconds: 60 },
    });
    expect(created.statusCode).toBe(201);
    const probe = created.json<{ id: string; conditions: string[]; status: string; severity: string }>();
    expect(probe).toMatchObject({ conditions: ['[STATUS] < 400'], status: 'unknown', severity: 'P2' });
    const listed = await t.call('GET', '/api/v1/probes?kind=http', { token: t.users.viewer.token });
    expect(listed.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(probe.id);
    expect((await t.call('GET', `/api/v1/probes/${probe.id}`)).statusCode).toBe(200);
  });

  it.skipIf(!available)('refuses a kind no row of the kinds table defines with a 400 naming the target', async () => {
    // The database keeps the kind as plain text (migration 016): the API's schema is what refuses it.
    const refused = await t.call('POST', '/api/v1/probes', {
      body: { name: 'Unknown kind', target: { kind: 'ftp', host: '127.0.0.1', port: 21 } },
    });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json<{ details: { issues: { path: string }[] } }>().details.issues.map((issue) => issue.path);
    expect(paths.every((path) => path.startsWith('/target'))).toBe(true);
    expect(paths).toContain('/target/kind');
    const listed = await t.call('GET', '/api/v1/probes?kind=ftp');
    expect(listed.statusCode).toBe(400);
  });

  it.skipIf(!available)(
    'refuses bad conditions, unknown services and placeholders of another kind with the field, storing nothing',
    async () => {
      const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probes')).rows[0]!.n;
      const bad = await t.call('POST', '/api/v1/probes', {
        body: {
          name: 'Bad',
          serviceId: 'nope',
          target: { kind: 'tcp', host: '127.0.0.1', port: 1 },
          conditions: ['[CONNECTED] == true', '[STATUS] == 200', '[RESPONSE_TIME] =>'],
        },
      });
      expect(bad.statusCode).toBe(400);
      const paths = bad.json<{ details: { issues: { path: string }[] } }>().details.issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['/conditions/1', '/conditions/2', '/serviceId']));
      const prometheus = await t.call('POST', '/api/v1/probes', {
        body: { name: 'No Prometheus', target: { kind: 'prometheus', query: 'up == 0' } },
      });
      expect(prometheus.statusCode).toBe(400);
      expect(prometheus.body).toContain('/target/url');
      const file = await t.call('POST', '/api/v1/probes', {
        body: { name: 'File', target: { kind: 'http', url: 'file:///etc/passwd' } },
      });
      expect(file.statusCode).toBe(400);
      expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probes')).rows[0]!.n).toBe(before);
    },
  );

  it.skipIf(!available)(
    'lets only admins change probes, and answers 409 for a taken name and 404 for an unknown one',
    async () => {
      const body = { name: 'Admin only', target: { kind: 'tcp', host: '127.0.0.1', port: 9 } };
      expect((await t.call('POST', '/api/v1/probes', { body, token: t.users.responder.token })).statusCode).toBe(403);
      expect((await t.call('POST', '/api/v1/probes', { body })).statusCode).toBe(201);
      expect((await t.call('POST', '/api/v1/probes', { body })).statusCode).toBe(409);
      expect(
        (await t.call('PATCH', '/api/v1/probes/00000000-0000-4000-8000-000000000000', { body: { retries: 1 } }))
          .statusCode,
      ).toBe(404);
      expect((await t.call('DELETE', '/api/v1/probes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    },
  );

  it.skipIf(!available)(
    'seals credentials, shows them redacted, and keeps them when the redacted form comes back',
    async () => {
      const created = await t.call('POST', '/api/v1/probes', {
        body: { name: 'Database', target: { kind: 'postgres', url: 'postgres://app:s3cret-pass@127.0.0.1:1/app' } },
      });
      expect(created.statusCode).toBe(201);
      const probe = created.json<{ id: string; target: { url: string } }>();
      expect(probe.target.url).toBe('postgres://app:********@127.0.0.1:1/app');
      const { rows } = await t.db.query<{ target: { url: string } }>('SELECT target FROM probes WHERE id = $1', [
        probe.id,
      ]);
      expect(JSON.stringify(rows[0]!.target)).not.toContain('s3cret-pass');
      const changed = await t.call('PATCH', `/api/v1/probes/${probe.id}`, {
        body: { target: probe.target, retries: 2 },
      });
      expect(changed.statusCode).toBe(200);
      const { rows: after } = await t.db.query<{ target: { url: string } }>('SELECT target FROM probes WHERE id = $1', [
        probe.id,
      ]);
      expect(after[0]!.target.url).not.toBe(rows[0]!.target.url);
      // Sealed again from the stored password, not from the redacted text sent back.
      expect(after[0]!.target.url).not.toContain('********');
      expect(after[0]!.target.url).toMatch(/^v1\./);
    },
  );

  it.skipIf(!available)('tests a probe without saving it, showing what each condition saw', async () => {
    health.answer.status = 503;
    const tested = await t.call('POST', '/api/v1/probes/test', {
      body: {
        name: 'Trial',
        target: { kind: 'http', url: health.url },
        conditions: ['[STATUS] == 200', '$.database == connected', '[RESPONSE_TIME] < 5s'],
      },
    });
    health.answer.status = 200;
    expect(tested.statusCode).toBe(200);
    const verdict = tested.json<{
      passed: boolean;
      detail: string;
      conditions: { passed: boolean; detail: string }[];
    }>();
    expect(verdict.passed).toBe(false);
    expect(verdict.conditions.map((condition) => condition.passed)).toEqual([false, true, true]);
    expect(verdict.detail).toContain('[STATUS] (503) == 200');
  });

  it.skipIf(!available)(
    'raises an alert and an incident when a probe fails, and resolves both when it passes again',
    async () => {
      await t.call('POST', '/api/v1/services', { body: { id: 'checkout', name: 'Checkout' } });
      const created = await t.call('POST', '/api/v1/probes', {
        body: {
          name: 'Checkout health',
          serviceId: 'checkout',
          severity: 'P1',
          target: { kind: 'http', url: health.url },
          conditions: ['[STATUS] == 200', '$.database == connected'],
          intervalSeconds: 5,
        },
      });
      expect(created.statusCode).toBe(201);
      const probe = created.json<{ id: string }>();
      const checkNow = () => t.db.query('UPDATE probes SET next_run_at = now() WHERE id = $1', [probe.id]);
      health.answer.body = '{"database":"disconnected"}';
      await checkNow();
      const incident = await eventually('an incident for the failing probe', async () => {
        const { rows } = await t.db.query<{ id: string; title: string; severity: string; status: string }>(
          `SELECT i.id, i.title, i.severity, i.status FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE a.labels->>'probe_id' = $1`,
          [probe.id],
        );
        return rows[0] ?? null;
      });
      expect(incident).toMatchObject({ severity: 'P1', status: 'triggered' });
      expect(incident.title).toContain('Checkout health');
      const shown = (await t.call('GET', `/api/v1/probes/${probe.id}`)).json<{
        status: string;
        lastResult: { detail: string };
      }>();
      expect(shown.status).toBe('down');
      expect(shown.lastResult.detail).toContain('$.database ("disconnected") == connected');

      health.answer.body = '{"database":"connected"}';
      await checkNow();
      await eventually('the incident to resolve', async () => {
        const { rows } = await t.db.query<{ status: string }>('SELECT status FROM incidents WHERE id = $1', [
          incident.id,
        ]);
        return rows[0]!.status === 'resolved' ? true : null;
      });
      const results = (await t.call('GET', `/api/v1/probes/${probe.id}/results`)).json<{ success: boolean }[]>();
      expect(results.map((result) => result.success)).toEqual([true, false]);
      const uptime = (await t.call('GET', `/api/v1/probes/${probe.id}/uptime`)).json<
        { window: string; checks: number; uptimePercent: number }[]
      >();
      expect(uptime[0]).toMatchObject({ window: '24h', checks: 2, uptimePercent: 50 });
    },
  );

  it.skipIf(!available)('stores the alert of a silenced probe without paging, as any silenced alert', async () => {
    const silence = await t.call('POST', '/api/v1/silences', {
      body: {
        matchers: ['probe="Silenced port"'],
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        comment: 'planned work',
      },
    });
    expect(silence.statusCode, silence.body).toBe(201);
    const created = await t.call('POST', '/api/v1/probes', {
      body: {
        name: 'Silenced port',
        target: { kind: 'tcp', host: '127.0.0.1', port: 9 },
        intervalSeconds: 5,
        timeoutMs: 1000,
      },
    });
    const probe = created.json<{ id: string }>();
    await t.db.query('UPDATE probes SET next_run_at = now() WHERE id = $1', [probe.id]);
    const alert = await eventually('the muted alert', async () => {
      const { rows } = await t.db.query<{ incident_id: string | null; suppressed: { silences: string[] } | null }>(
        `SELECT incident_id, suppressed FROM alerts WHERE labels->>'probe_id' = $1`,
        [probe.id],
      );
      return rows[0] ?? null;
    });
    expect(alert).toMatchObject({ incident_id: null, suppressed: { silences: [silence.json<{ id: string }>().id] } });
  });

  it.skipIf(!available)('resolves the alerts of a deleted probe', async () => {
    const created = await t.call('POST', '/api/v1/probes', {
      body: {
        name: 'Doomed',
        target: { kind: 'tcp', host: '127.0.0.1', port: 9 },
        intervalSeconds: 5,
        timeoutMs: 1000,
      },
    });
    const probe = created.json<{ id: string }>();
    await t.db.query('UPDATE probes SET next_run_at = now() WHERE id = $1', [probe.id]);
    await eventually('the alert to fire', async () => {
      const { rows } = await t.db.query(`SELECT 1 FROM alerts WHERE labels->>'probe_id' = $1 AND status = 'firing'`, [
        probe.id,
      ]);
      return rows.length > 0 ? true : null;
    });
    expect((await t.call('DELETE', `/api/v1/probes/${probe.id}`)).statusCode).toBe(204);
    const { rows } = await t.db.query<{ status: string }>(`SELECT status FROM alerts WHERE labels->>'probe_id' = $1`, [
      probe.id,
    ]);
    expect(rows.map((row) => row.status)).toEqual(['resolved']);
  });
});
