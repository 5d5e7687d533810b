import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { openPgliteDatabase } from '../../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { cleanEnv, spawnCli } from '../cli/cli-harness.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

/**
 * A 2xx answer means committed: the server is killed with SIGKILL the moment the last of many
 * concurrent batches is answered, and every alert of every answered batch must be in the
 * database afterwards (batches still in flight may or may not be).
 */
describe.each(testBackends)('alerts acknowledged before a kill -9 on $backend', ({ backend, available }) => {
  it.skipIf(!available)('are all in the database after the server is killed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'astreinte-durability-'));
    const test = backend === 'postgres' ? await openTestDatabase('postgres', { migrate: false }) : null;
    const where = test === null ? ['--data-dir', join(folder, 'data')] : ['--database-url', test.url!];
    const server = spawnCli(['serve', ...where, '--port', '0', '--log-level', 'silent'], cleanEnv());
    let db: Database | null = null;
    try {
      const [, url] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
      const [, token] = await server.waitFor(/^First admin token .*: (ast_\S+)$/m);
      const created = await fetch(`${url!}/api/v1/integrations`, {
        method: 'POST', headers: { authorization: `Bearer ${token!}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'prom', kind: 'prometheus' }),
      });
      const { key } = (await created.json()) as { key: string };
      const batches = Array.from({ length: 40 }, (_, batch) => Array.from({ length: 50 }, (_, index) => ({
        labels: { alertname: `Durable${batch % 4}`, instance: `host-${batch}-${index}`, severity: 'warning' },
        annotations: { summary: 'durability check' },
      })));
      const acknowledged: number[] = [];
      const sends = batches.map(async (alerts, batch) => {
        const response = await fetch(`${url!}/api/v2/alerts`, {
          method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(alerts),
        }).catch(() => null);
        if (response?.status === 200) acknowledged.push(batch);
      });
      // Kill as soon as half the batches are answered: the rest are in flight or queued.
      while (acknowledged.length < batches.length / 2) await new Promise((resolve) => setTimeout(resolve, 1));
      server.kill('SIGKILL');
      const answered = [...acknowledged];
      await Promise.all(sends);
      await server.exited;

      db = test === null ? await openPgliteDatabase(join(folder, 'data')) : await openPostgresDatabase(test.url!, { poolSize: 1 });
      const { rows } = await db.query<{ instance: string }>(`SELECT labels->>'instance' AS instance FROM alerts`);
      const stored = new Set(rows.map((row) => row.instance));
      const lost = answered.flatMap((batch) => batches[batch]!.map((alert) => alert.labels.instance)).filter((instance) => !stored.has(instance));
      expect(answered.length).toBeGreaterThanOrEqual(batches.length / 2);
      expect(lost).toEqual([]);
      // Nothing half-stored either: a batch is all there or not at all.
      for (const [batch, alerts] of batches.entries()) {
        const present = alerts.filter((alert) => stored.has(alert.labels.instance)).length;
        expect([0, alerts.length], `batch ${batch}`).toContain(present);
      }
    } finally {
      server.kill('SIGKILL');
      await server.exited;
      await db?.close();
      await test?.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
