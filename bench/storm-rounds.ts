import { startAlertmanager } from '../test/support/alertmanager-process.js';
import { startAstreinte } from './astreinte-process.js';
import { countStored } from './storm-count.js';
import { runStorm, type StormResult } from './storm-load.js';
import { awaitCanaries, startCanaryReceiver, type CanaryReceiver } from './storm-receiver.js';
import { alertmanagerConfig, readMetric, readMetrics, setUpAstreinte, sumMetric } from './storm-setup.js';
import { pidWithArgument, watchServer, type WatchResult } from './storm-watch.js';

/**
 * One round of the storm bench: one tool, one rate. Each round starts its tool afresh (a new
 * database for Astreinte) with its own receiver, runs the storm while watching the server, then
 * waits up to `drainSeconds` for the canaries still on their way, and counts what was kept.
 */
export interface RoundOptions {
  rate: number;
  seconds: number;
  drainSeconds: number;
  /** Profiles the Astreinte server: a .cpuprofile is written there when it stops. */
  cpuProfDir?: string | undefined;
}

export interface RoundResult {
  tool: string;
  rate: number;
  storm: StormResult;
  /** Milliseconds from a canary's sending to its arrival at the receiver, one per arrived canary. */
  canaryLatencies: number[];
  watch: WatchResult;
  /** Alerts processed by the storm's end (Astreinte: its counter; Alertmanager: the alerts it holds). */
  processed: number;
  /** Astreinte: requests waiting in its inbox at the storm's end (its inbox depth gauge); Alertmanager: none (NaN). */
  backlog: number;
  /** Acknowledged alerts not stored (Astreinte: in its database after the stop; Alertmanager: not held). */
  lost: number;
  notes: string[];
}

function latencies(storm: StormResult, receiver: CanaryReceiver): number[] {
  return [...storm.canariesSent].flatMap(([n, sent]) => {
    const arrived = receiver.arrivals.get(n);
    return arrived === undefined ? [] : [arrived - sent];
  });
}

/** A round against Alertmanager: it keeps alerts in memory only, so "stored" means held when the storm ends. */
export async function alertmanagerRound(options: RoundOptions): Promise<RoundResult> {
  const receiver = await startCanaryReceiver();
  const alertmanager = await startAlertmanager(alertmanagerConfig(receiver.url));
  try {
    const version =
      ((await (await fetch(`${alertmanager.url}/api/v2/status`)).json()) as { versionInfo?: { version?: string } })
        .versionInfo?.version ?? '?';
    const pid = await pidWithArgument(`--web.listen-address=127.0.0.1:${alertmanager.port}`);
    const watch = watchServer(pid, `${alertmanager.url}/-/healthy`);
    const storm = await runStorm({ url: `${alertmanager.url}/api/v2/alerts`, headers: {}, ...options });
    const watched = await watch.stop();
    const held = await readMetric(alertmanager.url, 'alertmanager_alerts');
    await awaitCanaries(receiver, storm.canariesSent.size, options.drainSeconds * 1000);
    const accepted = storm.accepted + storm.canariesAccepted;
    return {
      tool: `Alertmanager ${version}`,
      rate: options.rate,
      storm,
      canaryLatencies: latencies(storm, receiver),
      watch: watched,
      processed: held,
      backlog: Number.NaN,
      lost: Math.max(0, accepted - held),
      notes: [],
    };
  } finally {
    await alertmanager.stop();
    await receiver.close();
  }
}

/** A round against Astreinte on a new database (`databaseUrl`, or a temporary PGlite folder); `kill`: kill -9 mid-storm. */
export async function astreinteRound(
  options: RoundOptions & { databaseUrl?: string; kill: boolean },
): Promise<RoundResult> {
  const receiver = await startCanaryReceiver();
  const database = options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl };
  const env = { ASTREINTE_SECRET_KEY: 'ab'.repeat(32) };
  const profile =
    options.cpuProfDir === undefined ? {} : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] };
  const first = await startAstreinte({ ...database, env, ...profile });
  let server = first;
  const notes: string[] = [];
  try {
    const key = await setUpAstreinte(first.url, first.adminToken, receiver.url);
    // A scrape restarts the event-loop delay reading: what is printed after the storm is the storm's.
    await readMetric(first.url, 'astreinte_nodejs_eventloop_lag_max_seconds');
    const watch = watchServer(first.pid, `${first.url}/healthz`);
    const abort = new AbortController();
    const killer = options.kill
      ? setTimeout(
          () => {
            abort.abort();
            process.kill(first.pid, 'SIGKILL');
          },
          (options.seconds * 1000) / 2,
        )
      : undefined;
    const headers = { authorization: `Bearer ${key}` };
    const storm = await runStorm({ url: `${first.url}/api/v2/alerts`, headers, ...options, signal: abort.signal });
    clearTimeout(killer);
    const watched = await watch.stop();
    if (options.kill) {
      await first.stop();
      notes.push(`killed with SIGKILL after ${storm.seconds.toFixed(1)} s, then restarted`);
      server = await startAstreinte({ ...database, env, restart: { dataDir: first.dataDir } });
    }
    if (!options.kill) notes.push(await eventLoopFigures(server.url));
    const processed = await readMetric(server.url, 'astreinte_alerts_processed_total');
    const backlog = await readMetric(server.url, 'astreinte_alert_inbox_depth');
    await awaitCanaries(receiver, storm.canariesSent.size, options.drainSeconds * 1000);
    await server.stop();
    const stored = await countStored({ dataDir: first.dataDir, ...database }, storm.ackedBatches);
    notes.push(`after the stop: ${stored.handled} storm alerts handled, ${stored.inbox} still in the inbox`);
    return {
      tool: `Astreinte (${options.databaseUrl === undefined ? 'PGlite' : 'PostgreSQL'})`,
      rate: options.rate,
      storm,
      canaryLatencies: latencies(storm, receiver),
      watch: watched,
      processed,
      backlog,
      lost: stored.lost,
      notes,
    };
  } finally {
    await server.stop();
    await first.remove();
    await receiver.close();
  }
}

/** Why `/healthz` may answer late: the server's longest event-loop delay and its garbage collections (prom-client's own metrics). */
async function eventLoopFigures(url: string): Promise<string> {
  const gc = 'astreinte_nodejs_gc_duration_seconds';
  const text = await readMetrics(url);
  const lagMax = sumMetric(text, 'astreinte_nodejs_eventloop_lag_max_seconds');
  const count = sumMetric(text, `${gc}_count`);
  const sum = sumMetric(text, `${gc}_sum`);
  const overTenth = count - sumMetric(text, `${gc}_bucket`, 'le="0.1"');
  return (
    `event loop: longest delay ${(lagMax * 1000).toFixed(0)} ms; GC: ${count} pauses, ${(sum * 1000).toFixed(0)} ms ` +
    `in all, ${overTenth} over 100 ms`
  );
}
