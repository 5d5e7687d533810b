/**
 * Probe scheduling at scale: 10,000 HTTP probes checking a local HTTP server every 30 s, on one
 * Astreinte node (the built server, as `npm start` runs it, on a fresh embedded database or the
 * new, empty PostgreSQL database given with --database-url). After a warm-up (the first checks
 * land at random points of the first interval), it measures for --seconds: how late each check
 * started after its slot (percentiles over every check of the window), the server's CPU (share of
 * one core) and its memory (RSS, sampled every second). Target: p99 lateness under 1 s, RSS under 300 MiB.
 *
 * Run: npx tsx bench/probes.ts [--probes N] [--interval S] [--seconds N] [--warm-up N] [--database-url postgres://…] [--node-options "--flag …"]
 * (defaults: 10000 probes, 30 s, 90 s measured after a 45 s warm-up).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../src/storage/database.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../src/storage/postgres-database.js';
import { startAstreinte } from './astreinte-process.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const probeCount = Number(option('--probes') ?? 10_000);
const intervalSeconds = Number(option('--interval') ?? 30);
const measureSeconds = Number(option('--seconds') ?? 90);
const warmUpSeconds = Number(option('--warm-up') ?? 45);
const databaseUrl = option('--database-url');
// V8/Node flags for the server, to compare settings: --node-options "--no-wasm-tier-up".
const nodeArgs =
  option('--node-options')
    ?.split(' ')
    .filter((arg) => arg !== '') ?? [];

// The target every probe checks: a health endpoint answering at once.
let served = 0;
const target = createServer((_request, response) => {
  served += 1;
  response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","database":"connected"}');
});
await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', 1024, resolve));
const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;

const astreinte = await startAstreinte({ ...(databaseUrl === undefined ? {} : { databaseUrl }), nodeArgs });
const clockTicks = 100;
const pageSize = 4096;
const cpuSeconds = (): number => {
  const fields = readFileSync(`/proc/${astreinte.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
};
const rssMiB = (): number =>
  (Number(readFileSync(`/proc/${astreinte.pid}/statm`, 'utf8').split(' ')[1]) * pageSize) / 1024 / 1024;

try {
  const started = Date.now();
  let next = 0;
  const create = async (): Promise<void> => {
    while (next < probeCount) {
      const index = next++;
      const response = await fetch(`${astreinte.url}/api/v1/probes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${astreinte.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `bench-${index}`,
          target: { kind: 'http', url: `${targetUrl}?probe=${index}` },
          conditions: ['[STATUS] == 200', '$.database == connected', '[RESPONSE_TIME] < 2s'],
          intervalSeconds,
          timeoutMs: 5000,
        }),
      });
      if (response.status !== 201) throw new Error(`probe not created: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, create));
  console.log(`${probeCount} probes created in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  await new Promise((resolve) => setTimeout(resolve, warmUpSeconds * 1000));
  const windowStart = new Date();
  const cpuBefore = cpuSeconds();
  const servedBefore = served;
  const rss: number[] = [];
  for (let second = 0; second < measureSeconds; second += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rss.push(rssMiB());
  }
  const cpu = (cpuSeconds() - cpuBefore) / measureSeconds;
  const memory = await memoryBreakdown(astreinte.url);
  const windowEnd = new Date();
  const checksServed = served - servedBefore;
  await astreinte.stop();

  const db: Database =
    astreinte.dataDir === null
      ? await openPostgresDatabase(databaseUrl!, { poolSize: 1 })
      : await openPgliteDatabase(astreinte.dataDir);
  try {
    const { rows } = await db.query<{
      n: number;
      p50: number;
      p90: number;
      p99: number;
      p999: number;
      max: number;
      failed: number;
    }>(
      `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY lateness) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY lateness) AS p90,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lateness) AS p99, percentile_cont(0.999) WITHIN GROUP (ORDER BY lateness) AS p999,
              max(lateness)::float8 AS max, count(*) FILTER (WHERE NOT success)::int AS failed
         FROM (SELECT extract(epoch FROM started_at - scheduled_at)::float8 * 1000 AS lateness, success FROM probe_results WHERE scheduled_at >= $1 AND scheduled_at < $2) AS w`,
      [windowStart, windowEnd],
    );
    const figures = rows[0]!;
    const expected = (probeCount * measureSeconds) / intervalSeconds;
    const maxRss = Math.max(...rss);
    console.log(
      `${probeCount} HTTP probes every ${intervalSeconds} s on one node (${astreinte.dataDir === null ? 'PostgreSQL' : 'embedded PGlite'}), measured ${measureSeconds} s after a ${warmUpSeconds} s warm-up`,
    );
    console.log(
      `checks recorded in the window: ${figures.n} (expected ~${expected.toFixed(0)}; the target served ${checksServed} requests), failed: ${figures.failed}`,
    );
    console.log(
      `lateness after the slot, ms: p50 ${figures.p50.toFixed(0)}  p90 ${figures.p90.toFixed(0)}  p99 ${figures.p99.toFixed(0)}  p99.9 ${figures.p999.toFixed(0)}  max ${figures.max.toFixed(0)}`,
    );
    console.log(
      `server CPU: ${(cpu * 100).toFixed(0)}% of one core; RSS: max ${maxRss.toFixed(0)} MiB, last ${rss.at(-1)!.toFixed(0)} MiB`,
    );
    console.log(`of which (at the end): ${memory}`);
    console.log(
      `target: p99 lateness under 1 s: ${figures.p99 < 1000 ? 'met' : 'NOT met'}; RSS under 300 MiB: ${maxRss < 300 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await db.close();
  }
} finally {
  await astreinte.remove();
  target.close();
}

/** Where the server's memory is, from its own /metrics: the JS heap, and what V8 holds outside it. */
async function memoryBreakdown(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string): string => {
    const match = new RegExp(`^astreinte_${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match === null ? '?' : `${(Number(match[1]) / 1024 / 1024).toFixed(0)} MiB`;
  };
  return `JS heap used ${value('nodejs_heap_size_used_bytes')} of ${value('nodejs_heap_size_total_bytes')}, external ${value('nodejs_external_memory_bytes')}`;
}
