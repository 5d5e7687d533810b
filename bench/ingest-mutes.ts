/**
 * What `bench/ingest.ts --inhibit-rules N --firing F` puts in Astreinte's new database before it
 * starts: N inhibition rules that every measured warning is a target of, and F alerts already
 * firing (written set-based, in one statement) that each batch's mute check must not read.
 * The firing alerts belong to an integration of their own and to instances the measured batches
 * never use, so they inhibit nothing measured: the figure is the cost of the check alone.
 */
import type { Database } from '../src/storage/database.js';

export interface MuteLoad {
  inhibitRules: number;
  firing: number;
}

const jobs = ['api', 'node', 'postgres', 'worker'];
const alertnames = 10;

const insertIntegration = `
  INSERT INTO integrations (name, kind, key_hash, key_hint, settings, created_at, updated_at)
  VALUES ('bench-firing', 'prometheus', 'bench-firing (no key)', '-', '{}', now(), now()) RETURNING id`;
// The measured batches' label names (bench/ingest-load.ts), with alertnames and instances of their own.
const insertFiring = `
  INSERT INTO alerts (integration_id, fingerprint, status, title, severity, labels, annotations,
                      starts_at, first_seen_at, last_seen_at, group_key)
  SELECT $1, 'seed-' || n, 'firing', 'seeded', 'P3',
         jsonb_build_object('alertname', 'Bench' || (n % ${alertnames}),
                            'instance', 'seed-' || n || '.bench.internal:9100',
                            'job', ($3::text[])[1 + n % 4],
                            'severity', CASE WHEN n % 3 = 0 THEN 'critical' ELSE 'warning' END),
         '{}', now(), now(), now(), 'seed'
    FROM generate_series(0, $2::int - 1) AS n`;
const insertRule = `
  INSERT INTO inhibit_rules (name, source_matchers, target_matchers, equal_labels, created_at)
  VALUES ($1, $2, $3, $4, now())`;

/**
 * Writes the rules and the firing alerts. Rule i: a critical alert of job `jobs[i % 4]` mutes
 * warnings sharing its alertname and instance (every other rule: its instance only), the
 * shape of Alertmanager's documented example.
 */
export async function seedMutes(db: Database, load: MuteLoad): Promise<void> {
  for (let i = 0; i < load.inhibitRules; i += 1) {
    await db.query(insertRule, [
      `bench rule ${i}`,
      JSON.stringify([
        { name: 'severity', operator: '=', value: 'critical' },
        { name: 'job', operator: '=', value: jobs[i % jobs.length] },
      ]),
      JSON.stringify([{ name: 'severity', operator: '=', value: 'warning' }]),
      i % 2 === 0 ? ['alertname', 'instance'] : ['instance'],
    ]);
  }
  if (load.firing === 0) return;
  const { rows } = await db.query<{ id: string }>(insertIntegration);
  await db.query(insertFiring, [rows[0]!.id, load.firing, jobs]);
  await db.query('ANALYZE alerts');
}
