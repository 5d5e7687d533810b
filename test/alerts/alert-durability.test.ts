import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { openPgliteDatabase } from '../../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { unpackAlerts } from '../../src/alerts/pipeline/inbox-packing.js';
import { cleanEnv, spawnCli } from '../cli/cli-harness.js';
import { eventually } from '../support/eventually.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

/**
 * A 2xx answer means committed: the server is killed with SIGKILL the moment the last of many
 * concurrent batches is answered, and every alert of every answered batch must be in the
 * database afterwards (batches still in flight may or may not be).
 */
describe.each(testBackends)('alerts acknowledged before a kill -9 on $backend', ({ backend, available }) => {
  it.skipIf(!available)(
    'are all in the database after the server is killed',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'astreinte-durability-'));
      const test = backend === 'postgres' ? await openTestDatabase('postgres', { migrate: false }) : null;
      const where = test === null ? ['--data-dir', join(folder, 'data')] : ['--database-url', test.url!];
      const server = spawnCli(['serve', ...where, '--port', '0', '--log-level', 'silent'], cleanEnv());
      let db: Database | null = null;
      let restarted: ReturnType<typeof spawnCli> | null = null;
      try {
        const [, url] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
        const [, token] = await server.waitFor(/^First admin token .*: (ast_\S+)$/m);
        const created = await fetch(`${url!}/api/v1/integrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token!}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'prom', kind: 'prometheus' }),
        });
        const { key } = (await created.json()) as { key: string };
        const batches = Array.from({ length: 40 }, (_, batch) =>
          Array.from({ length: 50 }, (_, index) => ({
            labels: { alertname: `Durable${batch % 4}`, instance: `host-${batch}-${index}`, severity: 'warning' },
            annotations: { summary: 'durability check' },
          })),
        );
        const acknowledged: number[] = [];
        const sends = batches.map(async (alerts, batch) => {
          const response = await fetch(`${url!}/api/v2/alerts`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify(alerts),
          }).catch(() => null);
          if (response?.status === 200) acknowledged.push(batch);
        });
        // Kill as soon as half the batches are answered: the rest are in flight or queued.
        while (acknowledged.length < batches.length / 2) await new Promise((resolve) => setTimeout(resolve, 1));
        server.kill('SIGKILL');
        const answered = [...acknowledged];
        await Promise.all(sends);
        await server.exited;

        db =
          test === null
            ? await openPgliteDatabase(join(folder, 'data'))
            : await openPostgresDatabase(test.url!, { poolSize: 1 });
        // Stored for good, or committed in the inbox as received (handled at the next start).
        const { rows } = await db.query<{ instance: string }>(`SELECT labels->>'instance' AS instance FROM alerts`);
        const { rows: inbox } = await db.query<{ alerts_packed: string }>('SELECT alerts_packed FROM alert_inbox');
        const stored = new Set([
          ...rows.map((row) => row.instance),
          ...inbox.flatMap((row) => unpackAlerts(row.alerts_packed).map((alert) => alert.labels['instance'])),
        ]);
        const lost = answered
          .flatMap((batch) => batches[batch]!.map((alert) => alert.labels.instance))
          .filter((instance) => !stored.has(instance));
        expect(answered.length).toBeGreaterThanOrEqual(batches.length / 2);
        expect(lost).toEqual([]);
        // Nothing half-stored either: a batch is all there or not at all.
        for (const [batch, alerts] of batches.entries()) {
          const present = alerts.filter((alert) => stored.has(alert.labels.instance)).length;
          expect([0, alerts.length], `batch ${batch}`).toContain(present);
        }
        // Restarted, the server handles what the killed one left in the inbox: every alert is then an alert row.
        await db.close();
        db = null;
        restarted = spawnCli(
          ['serve', ...where, '--port', '0', '--log-level', 'silent'],
          cleanEnv({ ASTREINTE_ALERT_SWEEP_MS: '200' }),
        );
        await restarted.waitFor(/^Astreinte listening on/m);
        const expected = stored.size;
        const counts = async () => {
          const check = test === null ? null : await openPostgresDatabase(test.url!, { poolSize: 1 });
          if (check === null) return null;
          try {
            const { rows: left } = await check.query<{ inbox: number; alerts: number }>(
              `SELECT (SELECT count(*)::int FROM alert_inbox) AS inbox, (SELECT count(*)::int FROM alerts) AS alerts`,
            );
            return left[0]!.inbox === 0 && left[0]!.alerts === expected ? true : null;
          } finally {
            await check.close();
          }
        };
        if (test !== null) {
          await eventually('the inbox handled after the restart', counts, 30_000);
        } else {
          // PGlite belongs to one process at a time: the restarted server is given time, stopped, then read.
          await new Promise((resolve) => setTimeout(resolve, 8000));
          restarted.kill('SIGTERM');
          await restarted.exited;
          db = await openPgliteDatabase(join(folder, 'data'));
          const { rows: left } = await db.query<{ inbox: number; alerts: number }>(
            `SELECT (SELECT count(*)::int FROM alert_inbox) AS inbox, (SELECT count(*)::int FROM alerts) AS alerts`,
          );
          expect(left[0]).toEqual({ inbox: 0, alerts: expected });
        }
      } finally {
        server.kill('SIGKILL');
        await server.exited;
        restarted?.kill('SIGKILL');
        await restarted?.exited;
        await db?.close();
        await test?.close();
        await rm(folder, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
