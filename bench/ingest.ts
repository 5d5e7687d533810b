/**
 * Alert ingest speed, Astreinte against Alertmanager: the same batches of Prometheus alerts
 * (50 distinct alerts each: ten alertnames, a unique instance per alert, job and severity labels,
 * a summary annotation) are posted to `POST /api/v2/alerts` of both, over 8 keep-alive
 * connections, for the same time each (in alternating rounds), after a short warm-up. Both run on 127.0.0.1, started
 * here: Astreinte as a child server process on a fresh temporary embedded database (or on the
 * new, empty PostgreSQL database given with --database-url), Alertmanager (the Debian package's
 * binary) with a minimal configuration and clustering off. A 200 from Astreinte means the alerts
 * are committed (see AlertWriter); Alertmanager keeps alerts in memory only. At the end the alerts
 * Astreinte stored are counted in its database, after the server has stopped.
 *
 * Run: npx tsx bench/ingest.ts [--seconds N] [--warm-up N] [--rounds N] [--database-url postgres://…] [--cpu-prof-dir DIR]
 *      [--inhibit-rules N] [--firing N]
 * (defaults: 10 s each, 3 s warm-up, 5 rounds; --cpu-prof-dir profiles the Astreinte server: a
 * .cpuprofile is written there when it stops; --inhibit-rules and --firing put that many
 * inhibition rules and already firing alerts in its database first, see ingest-mutes.ts).
 * The PostgreSQL database must be new and empty (`CREATE DATABASE …`): the bench needs the first
 * admin token, which the server prints only on the first start of an empty database.
 */
import { alertmanagerMissingReason, startAlertmanager } from '../test/support/alertmanager-process.js';
import type { Database } from '../src/storage/database.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../src/storage/postgres-database.js';
import { unpackAlerts } from '../src/alerts/pipeline/inbox-packing.js';
import { startAstreinte } from './astreinte-process.js';
import { seedMutes, type MuteLoad } from './ingest-mutes.js';
import { combined, quantile, runLoad, type LoadResult } from './ingest-load.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const seconds = Number(option('--seconds') ?? 10);
const warmUpSeconds = Number(option('--warm-up') ?? 3);
const databaseUrl = option('--database-url');
const profileDir = option('--cpu-prof-dir');
const rounds = Number(option('--rounds') ?? 5);
const mutes: MuteLoad = {
  inhibitRules: Number(option('--inhibit-rules') ?? 0),
  firing: Number(option('--firing') ?? 0),
};
const connections = 8;
const batchSize = 50;

const missing = alertmanagerMissingReason();
if (missing !== null) throw new Error(missing);

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  warmUp?: LoadResult;
  rounds: LoadResult[];
}

/**
 * Each target warms up with alerts of its own (so the measured ones are new to it), then the
 * targets take turns, `rounds` times, each for its share of `seconds`: a machine busy with other
 * work slows both alike. Each turn goes on with the batches where the target's previous one stopped.
 */
async function measure(targets: Target[]): Promise<void> {
  const load = (target: Target) => ({
    url: `${target.url}/api/v2/alerts`,
    headers: target.headers,
    connections,
    batchSize,
  });
  for (const target of targets)
    target.warmUp = await runLoad({ ...load(target), pass: 'warm-up', seconds: warmUpSeconds });
  for (let round = 0; round < rounds; round += 1) {
    for (const target of targets) {
      const firstBatch = target.rounds.at(-1)?.nextBatch ?? 0;
      target.rounds.push(await runLoad({ ...load(target), pass: 'run', seconds: seconds / rounds, firstBatch }));
    }
  }
}

const astreinte = await startAstreinte({
  ...(databaseUrl === undefined ? {} : { databaseUrl }),
  ...(profileDir === undefined ? {} : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] }),
  ...(mutes.inhibitRules + mutes.firing === 0 ? {} : { prepare: (db: Database) => seedMutes(db, mutes) }),
});
const alertmanager = await startAlertmanager().catch(async (error: unknown) => {
  await astreinte.remove();
  throw error;
});
try {
  const created = await fetch(`${astreinte.url}/api/v1/integrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${astreinte.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', kind: 'prometheus' }),
  });
  if (created.status !== 201) throw new Error(`integration not created: ${created.status} ${await created.text()}`);
  const { key } = (await created.json()) as { key: string };
  const version =
    ((await (await fetch(`${alertmanager.url}/api/v2/status`)).json()) as { versionInfo?: { version?: string } })
      .versionInfo?.version ?? '?';

  const ours: Target = {
    name: `Astreinte (${databaseUrl === undefined ? 'embedded PGlite' : 'PostgreSQL'})`,
    url: astreinte.url,
    headers: { authorization: `Bearer ${key}` },
    rounds: [],
  };
  const theirs: Target = { name: `Alertmanager ${version}`, url: alertmanager.url, headers: {}, rounds: [] };
  await measure([ours, theirs]);
  const held = ((await (await fetch(`${alertmanager.url}/api/v2/alerts`)).json()) as unknown[]).length;
  await astreinte.stop();
  const stored = await countStoredAlerts();

  const [run, reference] = [combined(ours.rounds), combined(theirs.rounds)];
  console.log(
    `${connections} connections, ${batchSize} alerts per batch, ${warmUpSeconds} s warm-up, then ${seconds} s each in ${rounds} alternating rounds; the same batches to both`,
  );
  if (mutes.inhibitRules + mutes.firing > 0)
    console.log(`Astreinte started with ${mutes.inhibitRules} inhibition rules and ${mutes.firing} alerts firing`);
  console.log(
    `${'target'.padEnd(28)}${'alerts/s'.padStart(10)}${'batches/s'.padStart(11)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}   alerts/s by round`,
  );
  console.log(row(ours.name, run, ours.rounds));
  console.log(row(theirs.name, reference, theirs.rounds));
  const ratio = rate(run) / rate(reference);
  const byRound = ours.rounds.map((result, index) => (rate(result) / rate(theirs.rounds[index]!)).toFixed(2));
  console.log(`Astreinte/Alertmanager (alerts/s): ${ratio.toFixed(2)} (by round: ${byRound.join(', ')})`);
  console.log(
    `target: Astreinte ingests at least as many alerts per second as Alertmanager while persisting them: ${ratio >= 1 ? 'met' : 'NOT met'}`,
  );
  const accepted = (ours.warmUp?.alerts ?? 0) + run.alerts;
  console.log(
    `Astreinte stored ${stored.handled + stored.inbox} alerts in its database (it accepted ${accepted}: ${ours.warmUp?.alerts ?? 0} in the warm-up, ${run.alerts} measured): ${stored.handled} handled, ${stored.inbox} committed as received in the inbox when it stopped (handled at its next start)`,
  );
  console.log(
    `Alertmanager holds ${held} alerts in memory (it accepted ${(theirs.warmUp?.alerts ?? 0) + reference.alerts})`,
  );
  for (const target of [ours, theirs]) {
    const samples = [...(target.warmUp?.errorSamples ?? []), ...combined(target.rounds).errorSamples].slice(0, 3);
    if (samples.length > 0) console.log(`${target.name}: first errors\n  ${samples.join('\n  ')}`);
  }
} finally {
  await alertmanager.stop();
  await astreinte.remove();
}

function rate(result: LoadResult): number {
  return result.alerts / result.seconds;
}

function row(name: string, result: LoadResult, rounds: LoadResult[]): string {
  return (
    `${name.padEnd(28)}${rate(result).toFixed(0).padStart(10)}${(result.batches / result.seconds).toFixed(1).padStart(11)}` +
    `${quantile(result.latencies, 0.5).toFixed(1).padStart(9)}${quantile(result.latencies, 0.99).toFixed(1).padStart(9)}${String(result.errors).padStart(8)}` +
    `   ${rounds.map((round) => rate(round).toFixed(0)).join(' ')}`
  );
}

/**
 * Alerts in Astreinte's database, read once its server has stopped (PGlite: one process at a
 * time): handled (in `alerts`) and committed as received but not handled yet (in `alert_inbox`,
 * handled at the next start). Both are persisted; the split says how far handling lagged.
 */
async function countStoredAlerts(): Promise<{ handled: number; inbox: number }> {
  const db: Database =
    astreinte.dataDir === null
      ? await openPostgresDatabase(databaseUrl!, { poolSize: 1 })
      : await openPgliteDatabase(astreinte.dataDir);
  try {
    const handled = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts')).rows[0]!.n;
    const { rows } = await db.query<{ alerts_packed: string }>('SELECT alerts_packed FROM alert_inbox');
    const inbox = rows.reduce((sum, row) => sum + unpackAlerts(row.alerts_packed).length, 0);
    return { handled, inbox };
  } finally {
    await db.close();
  }
}
