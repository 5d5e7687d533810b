/**
 * Alert processing speed: how many alerts a node turns into alert rows, incidents and timeline
 * events per second, from its inbox (what `AlertWriter` drains under load). The inbox is filled
 * first with storm-like requests (64 alerts each: distinct alerts of a few groups, plus repeats
 * of alerts already firing), then drained as a node does; the figure is alerts handled per second
 * of draining. `--profile` prints the time spent per SQL statement.
 *
 * Run: npx tsx bench/alert-processing.ts [--requests 500] [--chunk 64] (inbox rows a transaction: with 4 groups, 16 alerts each) [--repeats 0.5]
 *      [--database-url postgres://…] [--profile]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { IncomingAlert } from '../src/alerts/alert-model.js';
import { labelsFingerprint } from '../src/alerts/ingest/alert-fingerprint.js';
import { loadIngestIntegrations } from '../src/alerts/integrations/load-ingest-integrations.js';
import { drainInbox, storeInInbox } from '../src/alerts/pipeline/alert-inbox.js';
import { countAlerts, ingestAlerts } from '../src/alerts/pipeline/ingest-alerts.js';
import { RunbookCatalogue } from '../src/alerts/pipeline/runbook-catalogue.js';
import { systemCtx } from '../src/core/context.js';
import type { Database, Queryable } from '../src/storage/database.js';
import { migrateDatabase } from '../src/storage/migrate.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../src/storage/postgres-database.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    chunk: { type: 'string', default: '64' },
    repeats: { type: 'string', default: '0.5' },
    groups: { type: 'string', default: '4' },
    'database-url': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const chunk = Number(values.chunk);
const repeatShare = Number(values.repeats);
const groups = Number(values.groups);
const batch = 64;
const startsAt = new Date(Date.now() - 60_000);

function alert(labels: Record<string, string>): IncomingAlert {
  return {
    fingerprint: labelsFingerprint(labels),
    action: 'trigger',
    labels,
    annotations: { summary: `${labels['alertname']} on ${labels['instance']}` },
    title: labels['alertname']!,
    severity: 'warning',
    startsAt,
    endsAt: null,
    sourceUrl: null,
  };
}

/** Request `index`: its share of repeats names alerts of earlier requests. */
function request(index: number): IncomingAlert[] {
  return Array.from({ length: batch }, (_, n) => {
    const repeat = index > 0 && n < batch * repeatShare;
    const id = repeat ? (index * 7919 + n) % (index * batch) : index * batch + n;
    return alert({ alertname: `Storm${id % groups}`, instance: `host-${id}`, severity: 'warning' });
  });
}

/** Times every statement by its first words (the profile). */
function profiled(db: Database, times: Map<string, { ms: number; n: number }>): void {
  const wrap = (target: Queryable): void => {
    const query = target.query.bind(target);
    target.query = async (sql: string, params?: unknown[]) => {
      const started = performance.now();
      try {
        return await query(sql, params);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
        const entry = times.get(key) ?? { ms: 0, n: 0 };
        entry.ms += performance.now() - started;
        entry.n += 1;
        times.set(key, entry);
      }
    };
  };
  wrap(db);
  const transaction = db.transaction.bind(db);
  db.transaction = ((run: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<unknown>) =>
    transaction((tx) => {
      wrap(tx);
      return run(tx);
    })) as Database['transaction'];
}

async function openDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  const serverUrl = values['database-url'];
  if (serverUrl === undefined) {
    const db = await openPgliteDatabase(undefined);
    return { db, close: () => db.close() };
  }
  const name = `processing_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDatabase(url.toString(), { poolSize: 4 });
  return {
    db,
    close: async () => {
      await db.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const { db, close } = await openDatabase();
const dropIndexes = (process.env.DROP_INDEXES ?? '').split(',').filter(Boolean);
try {
  await migrateDatabase(db);
  for (const index of dropIndexes) await db.query(`DROP INDEX ${index}`);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO integrations (name, kind, key_hash, key_hint, created_at, updated_at) VALUES ('bench', 'prometheus', 'hash', 'hint', now(), now()) RETURNING id`,
  );
  const integration = (await loadIngestIntegrations(db, [rows[0]!.id])).get(rows[0]!.id)!;
  for (let index = 0; index < requests; index += 50) {
    const submissions = [];
    for (let n = index; n < Math.min(requests, index + 50); n += 1)
      submissions.push({ integration, alerts: request(n) });
    await storeInInbox(db, submissions, new Date());
  }
  const times = new Map<string, { ms: number; n: number }>();
  if (values.profile) profiled(db, times);
  const catalogue = new RunbookCatalogue();
  const started = performance.now();
  let taken = 0;
  let alerts = 0;
  for (;;) {
    const n = await drainInbox(db, { limit: chunk }, (tx, submissions) => {
      alerts += countAlerts(submissions);
      return ingestAlerts(
        systemCtx(tx, () => new Date(), 'bench'),
        submissions,
        catalogue,
      );
    });
    if (n === 0) break;
    taken += n;
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = (
    await db.query<{ alerts: number; events: number; incidents: number }>(
      `SELECT (SELECT count(*)::int FROM alerts) AS alerts, (SELECT count(*)::int FROM incident_events) AS events, (SELECT count(*)::int FROM incidents) AS incidents`,
    )
  ).rows[0]!;
  console.log(
    `${values['database-url'] === undefined ? 'PGlite' : 'PostgreSQL'}: ${alerts} alerts (${taken} inbox rows of a request's alerts of one group, ${chunk} a transaction) in ${seconds.toFixed(2)} s = ${Math.round(alerts / seconds).toLocaleString('en')} alerts/s; stored ${counts.alerts} alerts, ${counts.incidents} incidents, ${counts.events} events`,
  );
  if (values.profile)
    for (const [sql, { ms, n }] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
      console.log(`${ms.toFixed(0).padStart(7)} ms ${String(n).padStart(6)}× ${sql}`);
} finally {
  await close();
}
