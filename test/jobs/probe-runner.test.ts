import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunbookCatalogue } from '../../src/alerts/pipeline/runbook-catalogue.js';
import { systemActor } from '../../src/core/actor.js';
import type { Ctx } from '../../src/core/context.js';
import { ProbeRunner } from '../../src/jobs/probe-runner.js';
import { createProbe } from '../../src/probes/create-probe.js';
import { claimProbes } from '../../src/probes/runner/claimed-probe.js';
import { eventually } from '../support/eventually.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

/** A health endpoint that answers slowly and counts, per probe, the checks and the most at once. */
async function startCountingServer(): Promise<{
  url: string;
  hits: Map<string, number>;
  mostAtOnce: Map<string, number>;
  close(): Promise<void>;
}> {
  const hits = new Map<string, number>();
  const mostAtOnce = new Map<string, number>();
  const now = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const probe = new URL(request.url ?? '/', 'http://x').searchParams.get('probe') ?? '?';
    hits.set(probe, (hits.get(probe) ?? 0) + 1);
    now.set(probe, (now.get(probe) ?? 0) + 1);
    mostAtOnce.set(probe, Math.max(mostAtOnce.get(probe) ?? 0, now.get(probe)!));
    setTimeout(() => {
      now.set(probe, now.get(probe)! - 1);
      response.writeHead(200).end('ok');
    }, 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    hits,
    mostAtOnce,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type CountingServer = Awaited<ReturnType<typeof startCountingServer>>;

describe.each(testBackends)('probe runners sharing one database on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let target: CountingServer;
  const ids: string[] = [];
  const environment = { secretKey: null, prometheusUrl: null };

  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    target = await startCountingServer();
    const ctx: Ctx = { actor: systemActor, requestId: 'test', db: test.db, now: () => new Date() };
    for (let index = 0; index < 30; index += 1) {
      const probe = await createProbe({
        ctx,
        input: {
          name: `shared-${index}`,
          target: { kind: 'http', url: `${target.url}?probe=${index}` },
          intervalSeconds: 3600,
        },
        environment,
      });
      ids.push(probe.id);
    }
  });
  afterAll(async () => {
    // Unset when the backend is unavailable, or when beforeAll failed before setting them: afterAll runs all the same.
    await (target as CountingServer | undefined)?.close();
    await (test as TestDatabase | undefined)?.close();
  });

  const runner = () =>
    new ProbeRunner({
      db: test.db,
      catalogue: new RunbookCatalogue(),
      now: () => new Date(),
      tickMs: 10,
      concurrency: 8,
      secretKey: null,
      prometheusUrl: null,
      historyHours: 48,
      onError: (error) => {
        throw error;
      },
    });

  it.skipIf(!available)('checks every due slot once, never one probe on two nodes at once', async () => {
    const [first, second] = [runner(), runner()];
    first.start();
    second.start();
    for (let round = 1; round <= 3; round += 1) {
      await test.db.query('UPDATE probes SET next_run_at = now()');
      await eventually(`round ${round} of checks`, async () => {
        const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe_results');
        return rows[0]!.n >= round * ids.length ? true : null;
      });
    }
    await Promise.all([first.stop(), second.stop()]);
    const { rows } = await test.db.query<{ probe_id: string; n: number }>(
      'SELECT probe_id, count(*)::int AS n FROM probe_results GROUP BY probe_id',
    );
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((row) => row.n === 3)).toBe(true);
    expect([...target.hits.values()].every((count) => count === 3)).toBe(true);
    expect(Math.max(...target.mostAtOnce.values())).toBe(1);
  });

  it.skipIf(!available)(
    'checks again, once, a slot whose node died holding it, once its lease has run out',
    async () => {
      // A second back: the database clock has microseconds, the node's Date only milliseconds.
      await test.db.query(`UPDATE probes SET next_run_at = now() - interval '1 second'`);
      // A node claims everything due, then dies without a word.
      const claimed = await claimProbes(test.db, new Date(), 100);
      expect(claimed).toHaveLength(ids.length);
      const survivor = runner();
      await survivor.runOnce();
      expect(target.hits.get('0')).toBe(3);
      // Its leases run out (made to, as time would): the survivor takes the slots over.
      await test.db.query(`UPDATE probes SET lease_until = now() - interval '1 second'`);
      survivor.start();
      await eventually('the slots of the dead node checked', async () => {
        const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe_results');
        return rows[0]!.n >= 4 * ids.length ? true : null;
      });
      await survivor.stop();
      const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe_results');
      expect(rows[0]!.n).toBe(4 * ids.length);
      // The dead node's late result, were it to come back, is fenced off by the lease it lost.
      const { rows: leased } = await test.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM probes WHERE lease_until IS NOT NULL',
      );
      expect(leased[0]!.n).toBe(0);
    },
  );
});
