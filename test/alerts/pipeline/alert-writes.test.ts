import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../../../src/alerts/alert-model.js';
import type { IngestIntegration } from '../../../src/alerts/integrations/integration-keys.js';
import { loadIngestIntegrations } from '../../../src/alerts/integrations/load-ingest-integrations.js';
import { ingestAlerts } from '../../../src/alerts/pipeline/ingest-alerts.js';
import { RunbookCatalogue } from '../../../src/alerts/pipeline/runbook-catalogue.js';
import { systemCtx } from '../../../src/core/context.js';
import type { Transaction } from '../../../src/storage/database.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../../support/test-database.js';

const now = new Date('2026-03-01T12:00:00Z');

// The session's counters of rows written to the alerts table (both backends). They are only
// flushed between transactions, and not every time: a flush's writes are the difference inside it.
const alertWrites = `
  SELECT pg_stat_get_xact_tuples_inserted('alerts'::regclass)::int AS inserted,
         pg_stat_get_xact_tuples_updated('alerts'::regclass)::int AS updated`;

function firing(name: string): IncomingAlert {
  const labels = { alertname: 'DiskFull', instance: name };
  return {
    fingerprint: `disk-${name}`,
    action: 'trigger',
    labels,
    annotations: { summary: `disk full on ${name}` },
    title: `Disk full on ${name}`,
    severity: 'critical',
    startsAt: now,
    endsAt: null,
    sourceUrl: null,
  };
}

describe.each(testBackends)('alert rows written by a flush on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let integration: IngestIntegration;

  /** Ingests the alerts in a transaction and returns what it wrote to the alerts table. */
  async function ingest(alerts: IncomingAlert[]): Promise<{ inserted: number; updated: number }> {
    return test.db.transaction(async (tx: Transaction) => {
      const counted = async () => (await tx.query<{ inserted: number; updated: number }>(alertWrites)).rows[0]!;
      const before = await counted();
      await ingestAlerts(
        systemCtx(tx, () => now, 'test'),
        [{ integration, alerts }],
        new RunbookCatalogue(),
      );
      const after = await counted();
      return { inserted: after.inserted - before.inserted, updated: after.updated - before.updated };
    });
  }

  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    // Stored as the API would, read back as the pipeline reads it.
    const { rows } = await test.db.query<{ id: string }>(
      `INSERT INTO integrations (name, kind, key_hash, key_hint, created_at, updated_at)
       VALUES ('prom', 'prometheus', 'hash', 'hint', $1, $1) RETURNING id`,
      [now],
    );
    integration = (await loadIngestIntegrations(test.db, [rows[0]!.id])).get(rows[0]!.id)!;
  });

  afterAll(async () => {
    // Unset when the backend is unavailable or beforeAll failed early: afterAll runs all the same.
    await (test as TestDatabase | undefined)?.close();
  });

  it.skipIf(!available)('inserts each new paging alert once, already in its incident, and updates none', async () => {
    expect(await ingest([firing('a'), firing('b'), firing('c')])).toEqual({ inserted: 3, updated: 0 });
    const { rows } = await test.db.query<{ fingerprint: string; incident_id: string | null }>(
      `SELECT fingerprint, incident_id FROM alerts ORDER BY fingerprint`,
    );
    expect(rows.map((row) => row.fingerprint)).toEqual(['disk-a', 'disk-b', 'disk-c']);
    expect(new Set(rows.map((row) => row.incident_id)).size).toBe(1);
    expect(rows[0]!.incident_id).not.toBeNull();
    const events = await test.db.query<{ type: string; seq: number }>(
      `SELECT type, seq FROM incident_events WHERE incident_id = $1 ORDER BY seq`,
      [rows[0]!.incident_id],
    );
    expect(events.rows.filter((event) => event.type === 'alert_fired')).toHaveLength(3);
    expect(events.rows.map((event) => event.seq)).toEqual(events.rows.map((_, index) => index + 1));
  });

  it.skipIf(!available)('updates a repeat once and inserts a new alert of the same flush once', async () => {
    expect(await ingest([firing('a'), firing('d')])).toEqual({ inserted: 1, updated: 1 });
  });

  it.skipIf(!available || backend !== 'postgres')(
    'pages an alert once when two sessions flush it at the same time',
    async () => {
      const alert = { ...firing('e'), labels: { alertname: 'CpuHot', instance: 'e' } };
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstDone = (): void => {};
      const firstIngested = new Promise<void>((resolve) => (firstDone = resolve));
      // The first session has written the alert and holds its transaction open while the second flushes it.
      const first = test.db.transaction(async (tx: Transaction) => {
        await ingestAlerts(
          systemCtx(tx, () => now, 'first'),
          [{ integration, alerts: [alert] }],
          new RunbookCatalogue(),
        );
        firstDone();
        await held;
      });
      await firstIngested;
      const second = test.db.transaction((tx: Transaction) =>
        ingestAlerts(
          systemCtx(tx, () => now, 'second'),
          [{ integration, alerts: [alert] }],
          new RunbookCatalogue(),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      await Promise.all([first, second]);
      const { rows } = await test.db.query<{ incident_id: string; event_count: number; fired: number }>(
        `SELECT a.incident_id, a.event_count,
                (SELECT count(*)::int FROM incident_events e
                  WHERE e.type = 'alert_fired' AND e.payload->>'alertId' = a.id::text) AS fired
           FROM alerts a WHERE a.fingerprint = 'disk-e'`,
      );
      expect(rows).toEqual([{ incident_id: expect.any(String), event_count: 2, fired: 1 }]);
      const incidents = await test.db.query(`SELECT id FROM incidents WHERE labels->>'alertname' = 'CpuHot'`);
      expect(incidents.rows).toEqual([{ id: rows[0]!.incident_id }]);
    },
  );
});
