import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisInfo } from '../../src/probes/checks/redis-info.js';
import type { DaemonProcess } from '../support/daemon-process.js';
import { eventually } from '../support/eventually.js';
import { listenOnLoopback } from '../support/loopback-servers.js';
import {
  postgresBinariesMissingReason,
  startPostgresCluster,
  type PostgresCluster,
} from '../support/postgres-cluster.js';
import { prometheusMissingReason, startPrometheus } from '../support/prometheus-process.js';
import { redisServerMissingReason, startRedisServer, type RedisProcess } from '../support/redis-process.js';
import { startRestartableRedis, type RestartableRedis } from '../support/restartable-redis.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { issueCertificate, makeCertificateAuthority, type CertificatePair } from '../support/tls-certificates.js';

/**
 * The probes issue's "done means": each probe kind driven against a real service this file starts
 * and stops, through the real app and its background runner, to an alert, an incident and its
 * resolution. The services are started once for the file; each test leaves its service as it
 * found it, so the same tests run again on the next backend.
 */

// PostgreSQL and Redis probes hold their URL sealed: the server needs a key to store them.
const secretKey = 'ef'.repeat(32);
// Generous: CI machines are slow, and a restart of PostgreSQL alone can take seconds there.
const waitMs = 30_000;
const testTimeoutMs = 90_000;

const postgresMissing = postgresBinariesMissingReason();
const redisMissing = redisServerMissingReason();
const prometheusMissing = prometheusMissingReason();
for (const reason of [postgresMissing, redisMissing, prometheusMissing]) {
  if (reason !== null) console.warn(`skipped: probe end-to-end tests: ${reason}`);
}

interface ProbeView {
  id: string;
  status: string;
  conditions: string[];
  lastResult: { success: boolean; latencyMs: number; detail: string | null } | null;
}

/** A probe's latest alert and the incident it joined (a type, not an interface: a query row needs an index signature). */
type ProbeIncident = {
  alert_status: string;
  labels: Record<string, string>;
  /** From the first failed check (`starts_at`) to the alert being raised (`first_seen_at`): the `for` delay. */
  pending_seconds: number;
  incident_id: string;
  title: string;
  severity: string;
  status: string;
};

async function createProbe(t: TestApp, body: Record<string, unknown>): Promise<ProbeView> {
  const created = await t.call('POST', '/api/v1/probes', { body });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<ProbeView>();
}

async function showProbe(t: TestApp, id: string): Promise<ProbeView> {
  return (await t.call('GET', `/api/v1/probes/${id}`)).json<ProbeView>();
}

async function latestIncident(t: TestApp, probeId: string): Promise<ProbeIncident | null> {
  const { rows } = await t.db.query<ProbeIncident>(
    `SELECT a.status AS alert_status, a.labels, extract(epoch FROM a.first_seen_at - a.starts_at)::float8 AS pending_seconds,
            i.id AS incident_id, i.title, i.severity, i.status
       FROM alerts a JOIN incidents i ON i.id = a.incident_id
      WHERE a.labels->>'probe_id' = $1
      ORDER BY a.first_seen_at DESC LIMIT 1`,
    [probeId],
  );
  return rows[0] ?? null;
}

/**
 * Polls `check`, making the probe due before each poll: the runner checks it again at once
 * instead of after its 5-second interval (a check in flight keeps its lease and is not doubled).
 */
function whileChecking<T>(t: TestApp, probeId: string, what: string, check: () => Promise<T | null>): Promise<T> {
  return eventually(
    what,
    async () => {
      await t.db.query('UPDATE probes SET next_run_at = now() WHERE id = $1', [probeId]);
      return check();
    },
    waitMs,
  );
}

function untilStatus(t: TestApp, probeId: string, status: string): Promise<ProbeView> {
  return whileChecking(t, probeId, `the probe to be ${status}`, async () => {
    const probe = await showProbe(t, probeId);
    return probe.status === status ? probe : null;
  });
}

/** Waits for a firing alert of the probe in an open incident, and for the probe shown down. */
async function untilIncident(t: TestApp, probeId: string): Promise<{ incident: ProbeIncident; probe: ProbeView }> {
  return whileChecking(t, probeId, 'an incident for the failing probe', async () => {
    const incident = await latestIncident(t, probeId);
    if (incident?.alert_status !== 'firing') return null;
    const probe = await showProbe(t, probeId);
    return probe.status === 'down' ? { incident, probe } : null;
  });
}

/**
 * Waits until the probe's last result mentions `expected`. The first failure need not: a check
 * in flight while the service shut down fails on the connection being cut, not refused.
 */
function untilDetail(t: TestApp, probeId: string, expected: string): Promise<ProbeView> {
  return whileChecking(t, probeId, `a result saying ${expected}`, async () => {
    const probe = await showProbe(t, probeId);
    return probe.lastResult?.detail?.includes(expected) === true ? probe : null;
  });
}

async function untilResolved(t: TestApp, probeId: string, incidentId: string): Promise<ProbeView> {
  await whileChecking(t, probeId, 'the incident to resolve', async () => {
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM incidents WHERE id = $1', [incidentId]);
    return rows[0]?.status === 'resolved' ? true : null;
  });
  const { rows } = await t.db.query<{ status: string }>(
    `SELECT status FROM alerts WHERE labels->>'probe_id' = $1 AND status = 'firing'`,
    [probeId],
  );
  expect(rows).toEqual([]);
  return untilStatus(t, probeId, 'up');
}

/** An HTTPS server answering 200 with a certificate the test can replace while it runs. */
async function startHttpsServer(
  pair: CertificatePair,
): Promise<{ port: number; renew(next: CertificatePair): void; close(): Promise<void> }> {
  const server = createHttpsServer({ key: pair.key, cert: pair.cert }, (_request, response) =>
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
  );
  const listening = await listenOnLoopback(server);
  // New handshakes get the new certificate: as a server reloading its certificate does, without a restart.
  return {
    port: listening.port,
    renew: (next) => server.setSecureContext({ key: next.key, cert: next.cert }),
    close: () => listening.close(),
  };
}

/** A Prometheus scrape target serving `render()` on /metrics; it can be stopped and started again on its port. */
interface MetricsTarget {
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function startMetricsTarget(render: () => string): Promise<MetricsTarget> {
  const server: Server = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(render()),
  );
  // Prometheus keeps its scrape connection open: stopping must cut it, or close() would wait for it.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  let listening = true;
  return {
    port,
    stop: async () => {
      if (!listening) return;
      listening = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    start: async () => {
      if (listening) return;
      await listen(port);
      listening = true;
    },
  };
}

/** used_memory / maxmemory of a Redis, read as the probe reads it. */
async function memoryRatio(client: Redis): Promise<number> {
  const info = parseRedisInfo(await client.info('memory'));
  return Number(info['used_memory']) / Number(info['maxmemory']);
}

/** Writes big values until the server's memory is above `ratio` of its maxmemory (or it refuses writes); returns the ratio reached. */
async function fillRedis(url: string, ratio: number): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  await client.connect();
  try {
    const value = 'x'.repeat(256 * 1024);
    for (let key = 0; key < 64; key++) {
      const reached = await memoryRatio(client);
      if (reached > ratio) return reached;
      try {
        await client.set(`filler:${key}`, value);
      } catch (error) {
        // Past maxmemory, noeviction refuses writes: the server is as full as it gets.
        if (error instanceof Error && error.message.startsWith('OOM')) return memoryRatio(client);
        throw error;
      }
    }
    throw new Error(`Redis memory stayed at ${await memoryRatio(client)} of maxmemory after 64 writes`);
  } finally {
    client.disconnect();
  }
}

async function flushRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  await client.connect();
  try {
    await client.flushall();
  } finally {
    client.disconnect();
  }
}

let cluster: PostgresCluster | null = null;
let redis: RestartableRedis | null = null;
let boundedRedis: RedisProcess | null = null;
let certificates: { ca: CertificatePair; expiringSoon: CertificatePair; renewed: CertificatePair } | null = null;
let prometheus: DaemonProcess | null = null;
let appTarget: MetricsTarget | null = null;
let scrapedTarget: MetricsTarget | null = null;
/** The gauge the app target exposes, set by the tests. */
const gauge = { errorRatio: 0.01 };

beforeAll(async () => {
  const starting: Promise<void>[] = [];
  if (postgresMissing === null) starting.push(startPostgresCluster().then((started) => void (cluster = started)));
  if (redisMissing === null) {
    starting.push(startRestartableRedis().then((started) => void (redis = started)));
    // Small enough that a few 256 KiB values take it past 85 %; writes are refused beyond it, nothing evicted.
    starting.push(
      startRedisServer(['--maxmemory', '4mb', '--maxmemory-policy', 'noeviction']).then(
        (started) => void (boundedRedis = started),
      ),
    );
  }
  // In a promise like the other starts, so that a failure here is settled with them.
  starting.push(
    new Promise<void>((resolve) => {
      // The CA is what the probes trust (`tls.ca`); the leaves are what the server presents.
      const ca = makeCertificateAuthority();
      certificates = {
        ca,
        expiringSoon: issueCertificate(ca, { days: 2 }),
        renewed: issueCertificate(ca, { days: 30 }),
      };
      resolve();
    }),
  );
  if (prometheusMissing === null) {
    starting.push(
      (async () => {
        appTarget = await startMetricsTarget(
          () => `# TYPE app_error_ratio gauge\napp_error_ratio ${gauge.errorRatio}\n`,
        );
        scrapedTarget = await startMetricsTarget(() => '# TYPE worker_up gauge\nworker_up 1\n');
        // Scraped every second so that a change shows within the test's patience.
        prometheus = await startPrometheus(
          [
            'global: { scrape_interval: 1s, evaluation_interval: 1s }',
            'scrape_configs:',
            `  - { job_name: app, static_configs: [{ targets: ['127.0.0.1:${appTarget.port}'] }] }`,
            `  - { job_name: worker, static_configs: [{ targets: ['127.0.0.1:${scrapedTarget.port}'] }] }`,
            '',
          ].join('\n'),
          'groups: []\n',
        );
      })(),
    );
  }
  // Settled, not all: what did start must still be stopped by afterAll when another start failed.
  const outcomes = await Promise.allSettled(starting);
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([
    cluster?.remove(),
    redis?.stop(),
    boundedRedis?.stop(),
    prometheus?.stop(),
    appTarget?.stop(),
    scrapedTarget?.stop(),
  ]);
});

describe.each(testBackends)('probes against real services on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey, probeTickMs: 50 }, loops: ['probes'] });

  it.skipIf(!available || postgresMissing !== null)(
    'opens an incident when PostgreSQL stops and resolves it when PostgreSQL is back',
    async () => {
      const db = cluster!;
      const body = {
        name: 'Orders database',
        severity: 'P1',
        target: { kind: 'postgres', url: db.url() },
        conditions: ['[CONNECTED] == true', '[CONNECTIONS] / [MAX_CONNECTIONS] < 0.8'],
        intervalSeconds: 5,
        timeoutMs: 2000,
      };
      // What the connection ratio condition saw, as an admin trying it out would read it.
      const tried = (await t.call('POST', '/api/v1/probes/test', { body })).json<{
        passed: boolean;
        conditions: { condition: string; passed: boolean; detail: string }[];
      }>();
      expect(tried.passed).toBe(true);
      expect(tried.conditions[1]).toMatchObject({
        passed: true,
        detail: expect.stringMatching(/^\[CONNECTIONS\] \/ \[MAX_CONNECTIONS\] \(0\.\d+\) < 0\.8$/),
      });

      const probe = await createProbe(t, body);
      const up = await untilStatus(t, probe.id, 'up');
      expect(up.lastResult).toMatchObject({ success: true, detail: null });

      await db.stop();
      try {
        const { incident, probe: down } = await untilIncident(t, probe.id);
        expect(incident).toMatchObject({ severity: 'P1', status: 'triggered' });
        expect(incident.title).toContain('Orders database');
        expect(incident.labels).toMatchObject({ alertname: 'Orders database', probe_kind: 'postgres' });
        expect(down.lastResult).toMatchObject({ success: false });
        const refused = await untilDetail(t, probe.id, `ECONNREFUSED 127.0.0.1:${db.port}`);
        expect(refused.status).toBe('down');
      } finally {
        await db.start();
      }

      const incident = (await latestIncident(t, probe.id))!;
      const back = await untilResolved(t, probe.id, incident.incident_id);
      expect(back.lastResult).toMatchObject({ success: true, detail: null });
    },
    testTimeoutMs,
  );

  it.skipIf(!available || redisMissing !== null)(
    'opens an incident when Redis stops and resolves it when Redis is started again on the same port',
    async () => {
      const server = redis!;
      const probe = await createProbe(t, {
        name: 'Session cache',
        severity: 'P2',
        target: { kind: 'redis', url: server.url },
        conditions: ['[PING] == PONG', '[INFO].used_memory > 0'],
        intervalSeconds: 5,
        timeoutMs: 2000,
      });
      await untilStatus(t, probe.id, 'up');

      await server.stop();
      try {
        const { incident } = await untilIncident(t, probe.id);
        expect(incident).toMatchObject({ severity: 'P2', status: 'triggered' });
        expect(incident.title).toContain('Session cache');
        const refused = await untilDetail(t, probe.id, `ECONNREFUSED 127.0.0.1:${server.port}`);
        expect(refused.status).toBe('down');
      } finally {
        await server.start();
      }

      const incident = (await latestIncident(t, probe.id))!;
      const back = await untilResolved(t, probe.id, incident.incident_id);
      expect(back.lastResult).toMatchObject({ success: true, detail: null });
    },
    testTimeoutMs,
  );

  it.skipIf(!available || redisMissing !== null)(
    'fails a Redis memory condition once the server is filled past 85 % of maxmemory, showing the ratio',
    async () => {
      const server = boundedRedis!;
      const probe = await createProbe(t, {
        name: 'Cache memory',
        severity: 'P3',
        target: { kind: 'redis', url: server.url },
        conditions: ['[INFO].used_memory / [INFO].maxmemory < 85%'],
        intervalSeconds: 5,
        timeoutMs: 2000,
      });
      await untilStatus(t, probe.id, 'up');

      try {
        const reached = await fillRedis(server.url, 0.9);
        expect(reached).toBeGreaterThan(0.85);
        const { incident, probe: down } = await untilIncident(t, probe.id);
        expect(incident).toMatchObject({ severity: 'P3', status: 'triggered' });
        expect(incident.title).toContain('Cache memory');
        // The detail shows the ratio the check computed next to the threshold.
        const shown = /^\[INFO\]\.used_memory \/ \[INFO\]\.maxmemory \((\d+(?:\.\d+)?)\) < 85% \(0\.85\)$/.exec(
          down.lastResult!.detail ?? '',
        );
        expect(shown, down.lastResult!.detail ?? 'no detail').not.toBeNull();
        expect(Number(shown![1])).toBeGreaterThan(0.85);
      } finally {
        await flushRedis(server.url);
      }

      const incident = (await latestIncident(t, probe.id))!;
      await untilResolved(t, probe.id, incident.incident_id);
    },
    testTimeoutMs,
  );

  for (const kind of ['http', 'tls'] as const) {
    it.skipIf(!available)(
      `opens an incident for a certificate expiring in 2 days (${kind} probe) and resolves it once a 30-day certificate is served`,
      async () => {
        const { ca, expiringSoon, renewed } = certificates!;
        const server = await startHttpsServer(expiringSoon);
        try {
          const name = `Storefront certificate (${kind})`;
          const target =
            kind === 'http'
              ? { kind, url: `https://127.0.0.1:${server.port}/`, tls: { ca: ca.cert } }
              : { kind, host: '127.0.0.1', port: server.port, tls: { ca: ca.cert } };
          // The HTTP probe names its conditions; the TLS probe keeps its defaults (valid, > 7d).
          const conditions =
            kind === 'http' ? { conditions: ['[STATUS] == 200', '[CERTIFICATE_EXPIRATION] > 7d'] } : {};
          const probe = await createProbe(t, {
            name,
            severity: 'P2',
            target,
            ...conditions,
            intervalSeconds: 5,
            timeoutMs: 2000,
          });
          if (kind === 'tls')
            expect(probe.conditions).toEqual(['[CERTIFICATE_VALID] == true', '[CERTIFICATE_EXPIRATION] > 7d']);

          const { incident, probe: down } = await untilIncident(t, probe.id);
          expect(incident).toMatchObject({ severity: 'P2', status: 'triggered' });
          expect(incident.title).toContain(name);
          // Only the expiry fails (the status and the chain are fine), and the detail says how far off it is.
          const shown = /^\[CERTIFICATE_EXPIRATION\] \((\d+)\) > 7d \(604800000\)$/.exec(down.lastResult!.detail ?? '');
          expect(shown, down.lastResult!.detail ?? 'no detail').not.toBeNull();
          const expiresInMs = Number(shown![1]);
          expect(expiresInMs).toBeGreaterThan(86_400_000);
          expect(expiresInMs).toBeLessThanOrEqual(2 * 86_400_000);

          server.renew(renewed);
          const back = await untilResolved(t, probe.id, incident.incident_id);
          expect(back.lastResult).toMatchObject({ success: true, detail: null });
        } finally {
          await server.close();
        }
      },
      testTimeoutMs,
    );
  }

  it.skipIf(!available || prometheusMissing !== null)(
    'fires a Prometheus series after its for duration when the error ratio rises, and resolves it when the ratio falls back',
    async () => {
      const body = {
        name: 'Checkout error ratio',
        severity: 'P2',
        target: { kind: 'prometheus', url: prometheus!.url, query: 'app_error_ratio' },
        conditions: ['[VALUE] < 0.05'],
        forSeconds: 2,
        intervalSeconds: 5,
        timeoutMs: 2000,
      };
      // Prometheus has scraped the target (the series is there, and passes) before the ratio rises.
      await eventually(
        'Prometheus to return the error ratio',
        async () => {
          const verdict = (await t.call('POST', '/api/v1/probes/test', { body })).json<{
            series?: { labels: Record<string, string>; passed: boolean }[];
          }>();
          return verdict.series?.some((series) => series.labels['job'] === 'app' && series.passed) === true
            ? true
            : null;
        },
        waitMs,
      );
      const probe = await createProbe(t, body);
      await untilStatus(t, probe.id, 'up');

      gauge.errorRatio = 0.2;
      try {
        const { incident } = await untilIncident(t, probe.id);
        expect(incident).toMatchObject({ severity: 'P2', status: 'triggered' });
        expect(incident.title).toContain('Checkout error ratio');
        expect(incident.title).toContain('[VALUE] (0.2) < 0.05');
        // Each series is an alert of its own, with the series' labels.
        expect(incident.labels).toMatchObject({
          alertname: 'Checkout error ratio',
          job: 'app',
          instance: `127.0.0.1:${appTarget!.port}`,
        });
        // Raised only once the series had failed for `forSeconds`.
        expect(incident.pending_seconds).toBeGreaterThanOrEqual(2);
      } finally {
        gauge.errorRatio = 0.01;
      }

      const incident = (await latestIncident(t, probe.id))!;
      await untilResolved(t, probe.id, incident.incident_id);
    },
    testTimeoutMs,
  );

  it.skipIf(!available || prometheusMissing !== null)(
    'fires every series an up == 0 query returns when the scraped target stops, and resolves it when the target is back',
    async () => {
      const target = scrapedTarget!;
      const probe = await createProbe(t, {
        name: 'Worker scrape',
        severity: 'P1',
        target: { kind: 'prometheus', url: prometheus!.url, query: 'up{job="worker"} == 0' },
        intervalSeconds: 5,
        timeoutMs: 2000,
      });
      // No conditions: as in a Prometheus alerting rule, every series returned is active.
      expect(probe.conditions).toEqual([]);
      await untilStatus(t, probe.id, 'up');

      await target.stop();
      try {
        const { incident } = await untilIncident(t, probe.id);
        expect(incident).toMatchObject({ severity: 'P1', status: 'triggered' });
        expect(incident.title).toContain('Worker scrape');
        expect(incident.title).toContain('returned 0');
        expect(incident.labels).toMatchObject({
          alertname: 'Worker scrape',
          job: 'worker',
          instance: `127.0.0.1:${target.port}`,
        });
      } finally {
        await target.start();
      }

      const incident = (await latestIncident(t, probe.id))!;
      await untilResolved(t, probe.id, incident.incident_id);
    },
    testTimeoutMs,
  );
});
