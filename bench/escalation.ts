/**
 * Timer lateness: 10,000 pending timers due over the next `--spread` seconds (default 20), run
 * by this process's timer runner (as a server node runs them), each handler recording how late
 * it started. Prints the lateness percentiles; the target is every timer within one second of
 * its due time. The handler does no work of its own: this measures the claiming (SKIP LOCKED,
 * leases), the transaction per timer and the poll period, which every escalation step pays.
 * Run: npx tsx bench/escalation.ts [--timers 10000] [--spread 20] [--database-url postgres://…]
 */
import { parseArgs } from 'node:util';
import { createTimerRunner } from '../src/jobs/timer-runner.js';
import type { Database } from '../src/storage/database.js';
import { migrateDatabase } from '../src/storage/migrate.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../src/storage/postgres-database.js';

const { values } = parseArgs({
  options: {
    timers: { type: 'string', default: '10000' },
    spread: { type: 'string', default: '20' },
    'database-url': { type: 'string' },
  },
});
const count = Number(values.timers);
const spreadMs = Number(values.spread) * 1000;
const url = values['database-url'];

const db: Database =
  url === undefined ? await openPgliteDatabase(undefined) : await openPostgresDatabase(url, { poolSize: 10 });
await migrateDatabase(db);
await db.exec(`DELETE FROM timers WHERE kind = 'bench'`);
const startAt = Date.now() + 2000;
await db.query(
  `INSERT INTO timers (id, kind, due_at, payload)
   SELECT 'bench:' || n, 'bench', to_timestamp(($1::bigint + (n * $2::bigint) / $3::bigint) / 1000.0), '{}'::jsonb FROM generate_series(0, $3::int - 1) n`,
  [startAt, spreadMs, count],
);
const lateness: number[] = [];
const runner = createTimerRunner({
  db,
  intervalMs: 100,
  handlers: {
    bench: (_tx, timer) => {
      lateness.push(Date.now() - timer.dueAt.getTime());
      return Promise.resolve();
    },
  },
  onError: (error) => console.error(error),
});
runner.start();
while (lateness.length < count && Date.now() < startAt + spreadMs + 60_000)
  await new Promise((resolve) => setTimeout(resolve, 200));
await runner.stop();
await db.exec(`DELETE FROM timers WHERE kind = 'bench'`);
await db.close();

const sorted = [...lateness].sort((a, b) => a - b);
const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
console.log(
  `${url === undefined ? 'PGlite' : 'PostgreSQL'}: ${count} timers due over ${spreadMs / 1000} s, ${lateness.length} fired`,
);
console.log(`lateness: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)} ms`);
console.log(
  `target: every timer within 1000 ms of its due time — ${lateness.length === count && (sorted.at(-1) ?? Infinity) <= 1000 ? 'met' : 'NOT met'}`,
);
