import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Labels } from '../../../src/alerts/alert-model.js';
import { effectiveSettings } from '../../../src/alerts/integration-model.js';
import type { IngestIntegration } from '../../../src/alerts/integrations/integration-keys.js';
import { selectInhibitionCandidates } from '../../../src/alerts/pipeline/load-inhibition-sources.js';
import {
  loadSuppressions,
  selectActiveMaintenance,
  selectActiveSilences,
} from '../../../src/alerts/pipeline/load-suppressions.js';
import { planAlert } from '../../../src/alerts/pipeline/plan-alert.js';
import { systemCtx } from '../../../src/core/context.js';
import type { Database, Row, Transaction } from '../../../src/storage/database.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../../support/test-database.js';

const firingCount = 100_000;
const now = new Date('2026-03-01T12:00:00Z');

// Alert i: alertname Check<i % 50>, its own node n<i>, critical when i is even, warning when odd.
const insertFiring = `
  INSERT INTO alerts (integration_id, fingerprint, status, title, severity, labels, annotations,
                      starts_at, first_seen_at, last_seen_at, group_key)
  SELECT $1, 'fp' || i, 'firing', 'stored', 'P3',
         jsonb_build_object('alertname', 'Check' || (i % 50), 'node', 'n' || i,
                            'severity', CASE WHEN i % 2 = 0 THEN 'critical' ELSE 'warning' END),
         '{}', $2, $2, $2, 'g'
    FROM generate_series(1, $3::int) AS i`;
const insertOne = `
  INSERT INTO alerts (integration_id, fingerprint, status, title, severity, labels, annotations,
                      starts_at, first_seen_at, last_seen_at, group_key)
  VALUES ($1, $2, 'firing', 'stored', 'P3', $3, '{}', $4, $4, $4, 'g')`;
const insertRule = `
  INSERT INTO inhibit_rules (name, source_matchers, target_matchers, equal_labels, created_at)
  VALUES ($1, $2, $3, $4, $5) RETURNING id`;

/** The database, with every row any query returns counted: what a mute check reads. */
function counting(db: Database, counter: { rows: number }): Transaction {
  const wrapped: Transaction = {
    backend: db.backend,
    query: async <T extends Row = Row>(sql: string, params?: readonly unknown[]) => {
      const result = await db.query<T>(sql, params);
      counter.rows += result.rows.length;
      return result;
    },
    exec: (sql) => db.exec(sql),
    transaction: (work) => work(wrapped),
  };
  return wrapped;
}

describe.each(testBackends)('mute checks with 100k firing alerts on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let integration: IngestIntegration;
  const ruleIds: Record<string, string> = {};

  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    const { db } = test;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO integrations (name, kind, key_hash, key_hint, settings, created_at, updated_at)
       VALUES ('prom', 'prometheus', 'hash', 'hint', '{}', $1, $1) RETURNING id`,
      [now],
    );
    integration = {
      id: rows[0]!.id,
      name: 'prom',
      kind: 'prometheus',
      serviceId: null,
      settings: effectiveSettings({}),
      stored: {},
    };
    await db.query(insertFiring, [integration.id, now, firingCount]);
    await db.query(insertOne, [integration.id, 'node3', JSON.stringify({ alertname: 'NodeDown', node: 'n3' }), now]);
    await db.query(insertOne, [
      integration.id,
      'host',
      JSON.stringify({ alertname: 'HostDown', severity: 'page' }),
      now,
    ]);
    await db.query('ANALYZE alerts');
    const rule = async (name: string, source: unknown, target: unknown, equal: string[]) => {
      const inserted = await db.query<{ id: string }>(insertRule, [
        name,
        JSON.stringify(source),
        JSON.stringify(target),
        equal,
        now,
      ]);
      ruleIds[name] = inserted.rows[0]!.id;
    };
    await rule(
      'critical mutes warning',
      [{ name: 'severity', operator: '=', value: 'critical' }],
      [{ name: 'severity', operator: '=', value: 'warning' }],
      ['alertname', 'node'],
    );
    await rule(
      'node down mutes the node',
      [{ name: 'alertname', operator: '=~', value: 'NodeDown|HostDown' }],
      [{ name: 'alertname', operator: '!~', value: 'NodeDown|HostDown' }],
      ['node'],
    );
  }, 120_000);
  afterAll(async () => {
    // Unset when the backend is unavailable or beforeAll failed early: afterAll runs all the same.
    await (test as TestDatabase | undefined)?.close();
  });

  const trigger = (labels: Labels) =>
    planAlert(
      integration,
      {
        fingerprint: JSON.stringify(labels),
        action: 'trigger',
        labels,
        annotations: {},
        title: 'incoming',
        severity: null,
        startsAt: null,
        endsAt: null,
        sourceUrl: null,
      },
      new Set(),
    );

  it.skipIf(!available)('inhibits with Alertmanager semantics while reading only the candidate sources', async () => {
    const counter = { rows: 0 };
    const batch = [
      trigger({ alertname: 'Check2', node: 'n2', severity: 'warning' }), // stored fp2 is critical
      trigger({ alertname: 'Check3', node: 'n3', severity: 'warning' }), // n3 is down
      trigger({ alertname: 'Check5', node: 'n5', severity: 'warning' }), // fp5 is itself a warning
      trigger({ alertname: 'Orphan', severity: 'warning' }), // no node, as HostDown
      trigger({ alertname: 'Fresh', node: 'x1', severity: 'warning' }),
      trigger({ alertname: 'Fresh', node: 'x1', severity: 'critical' }), // a source in the same batch
    ];
    const suppressions = await loadSuppressions(
      systemCtx(counting(test.db, counter), () => now, 'test'),
      now,
      batch,
    );
    expect(batch.map((entry) => suppressions.of(entry)?.inhibitedBy ?? null)).toEqual([
      { ruleId: ruleIds['critical mutes warning'], source: 'fp2' },
      { ruleId: ruleIds['node down mutes the node'], source: 'node3' },
      null,
      { ruleId: ruleIds['node down mutes the node'], source: 'host' },
      { ruleId: ruleIds['critical mutes warning'], source: batch[5]!.alert.fingerprint },
      null,
    ]);
    // Two rules and the few candidates, against the 100 002 alerts a scan would read.
    expect(counter.rows).toBeLessThan(20);
  });

  it.skipIf(!available)('looks candidates up through the partial index on firing labels', async () => {
    const probes = JSON.stringify([{ contains: { alertname: 'Check2', node: 'n2' }, empty: ['cluster'] }]);
    const { rows } = await test.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${selectInhibitionCandidates.replace('$1::jsonb', `'${probes}'::jsonb`)}`,
    );
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('alerts_firing_labels');
    expect(plan).not.toMatch(/Seq Scan on alerts/);
  });

  it.skipIf(!available)('reads active silences and maintenance windows by index, not past ones', async () => {
    const { db } = test;
    await db.query(`INSERT INTO services (id, name) VALUES ('billing', 'Billing')`);
    // Thousands that ended, one still running: a flush must read the one through the index.
    await db.query(
      `INSERT INTO silences (matchers, starts_at, ends_at, comment, created_at, created_by_type, created_by_name)
       SELECT '[]'::jsonb, $1::timestamptz - make_interval(days => i + 1), $1::timestamptz - make_interval(days => i),
              'past', $1, 'system', 'test'
         FROM generate_series(1, 20000) AS i
       UNION ALL SELECT '[]'::jsonb, $1, $1::timestamptz + interval '1 hour', 'now', $1, 'system', 'test'`,
      [now],
    );
    await db.query(
      `INSERT INTO maintenance_windows (service_id, starts_at, ends_at, reason, created_at, created_by_type, created_by_name)
       SELECT 'billing', $1::timestamptz - make_interval(days => i + 1), $1::timestamptz - make_interval(days => i),
              'past', $1, 'system', 'test'
         FROM generate_series(0, 20000) AS i`,
      [now],
    );
    await db.query('ANALYZE silences');
    await db.query('ANALYZE maintenance_windows');
    for (const [sql, index] of [
      [selectActiveSilences, 'silences_active'],
      [selectActiveMaintenance, 'maintenance_windows_active'],
    ] as const) {
      const at = `'${now.toISOString()}'::timestamptz`;
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql.replaceAll('$1', at)}`);
      expect(rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(index);
    }
    expect((await db.query(selectActiveSilences, [now])).rows).toHaveLength(1);
    expect((await db.query(selectActiveMaintenance, [now])).rows).toHaveLength(0);
  });
});
