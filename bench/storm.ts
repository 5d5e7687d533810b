/**
 * Alert storm: how late a new alert pages while a storm of others is coming in, Astreinte against
 * Alertmanager, same machine, same run. Load: distinct alerts of ONE group at `--rate` alerts/s
 * for `--seconds`, plus every 500 ms a canary, a new critical alert of its own group. Latency of a
 * canary: from its sending to its arrival at a local webhook receiver — Alertmanager's webhook
 * receiver, or the page Astreinte sends through the service's escalation policy (level 1, a user
 * paged by a webhook channel). Also printed: alerts sent, accepted (2xx), processed by the storm's
 * end, lost (acknowledged, not stored), `/healthz` p99 (polled every 100 ms), server RSS and CPU.
 * Astreinte runs as `npm start` runs it (built server, see astreinte-process.ts), on a new
 * embedded database, and on a new PostgreSQL database when `--database-url` names a server (the
 * bench creates `storm_<pid>_<n>` databases there and drops them). Alertmanager is the Debian
 * package's binary. `--kill`: Astreinte is killed with SIGKILL halfway through the storm and
 * restarted; every acknowledged alert must be stored (lost = 0). Alertmanager is not run then.
 *
 * Run: npx tsx bench/storm.ts [--rate 5000 --rate 20000] [--seconds 60] [--drain 30]
 *      [--database-url postgres://postgres@127.0.0.1:55432/postgres] [--kill]
 *      [--cpu-prof-dir DIR] (profiles the Astreinte server) [--skip-alertmanager] (Astreinte alone, to profile)
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { alertmanagerMissingReason } from '../test/support/alertmanager-process.js';
import { printRounds } from './storm-report.js';
import { alertmanagerRound, astreinteRound, type RoundResult } from './storm-rounds.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', multiple: true, default: ['5000', '20000'] },
    seconds: { type: 'string', default: '60' },
    drain: { type: 'string', default: '30' },
    'database-url': { type: 'string' },
    kill: { type: 'boolean', default: false },
    'cpu-prof-dir': { type: 'string' },
    'skip-alertmanager': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const drainSeconds = Number(values.drain);
const serverUrl = values['database-url'];
const missing = alertmanagerMissingReason();
if (missing !== null && !values.kill) throw new Error(missing);

let databases = 0;

/** A new, empty database on the PostgreSQL server (the server prints its first admin token only then). */
async function withNewDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `storm_${process.pid}_${(databases += 1)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const rounds: RoundResult[] = [];
for (const rate of values.rate.map(Number)) {
  const options = { rate, seconds, drainSeconds, kill: values.kill, cpuProfDir: values['cpu-prof-dir'] };
  if (!values.kill && !values['skip-alertmanager']) rounds.push(await alertmanagerRound(options));
  rounds.push(await astreinteRound(options));
  if (serverUrl !== undefined)
    rounds.push(await withNewDatabase((databaseUrl) => astreinteRound({ ...options, databaseUrl })));
}
printRounds(rounds, { seconds, drainSeconds, kill: values.kill });
