import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../../../src/alerts/alert-model.js';
import { labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { loadIngestIntegrations } from '../../../src/alerts/integrations/load-ingest-integrations.js';
import type { IngestIntegration } from '../../../src/alerts/integrations/integration-keys.js';
import { drainInbox, storeInInbox } from '../../../src/alerts/pipeline/alert-inbox.js';
import { AlertWriter } from '../../../src/alerts/pipeline/alert-writer.js';
import { packAlerts, unpackAlerts } from '../../../src/alerts/pipeline/inbox-packing.js';
import { RunbookCatalogue } from '../../../src/alerts/pipeline/runbook-catalogue.js';
import { eventually } from '../../support/eventually.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../../support/test-database.js';

function alert(labels: Record<string, string>, action: IncomingAlert['action'] = 'trigger'): IncomingAlert {
  return {
    fingerprint: labelsFingerprint(labels),
    action,
    labels,
    annotations: { summary: `${labels['alertname']} on ${labels['instance']} — déjà vu \u{1F680}` },
    title: labels['alertname'] ?? 'alert',
    severity: 'critical',
    startsAt: new Date('2026-12-04T10:00:00.123Z'),
    endsAt: null,
    sourceUrl: null,
  };
}

describe('inbox packing', () => {
  it('gives back the alerts it packed, dates included, in far fewer bytes than their JSON', () => {
    const alerts = Array.from({ length: 50 }, (_, index) =>
      alert({ alertname: `Down${index % 5}`, instance: `host-${index}:9100`, job: 'node' }),
    );
    alerts[3] = { ...alerts[3]!, endsAt: new Date('2026-12-04T11:00:00Z'), sourceUrl: 'http://127.0.0.1:9090/graph' };
    const packed = packAlerts(alerts);
    expect(unpackAlerts(packed)).toEqual(alerts);
    expect(packed.length).toBeLessThan(JSON.stringify(alerts).length / 4);
  });
});

describe.each(testBackends)('the alert inbox on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let integration: IngestIntegration;

  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    const { rows } = await test.db.query<{ id: string }>(
      `INSERT INTO integrations (name, kind, key_hash, key_hint, created_at, updated_at) VALUES ('inbox', 'prometheus', 'hash', 'hint', now(), now()) RETURNING id`,
    );
    integration = (await loadIngestIntegrations(test.db, [rows[0]!.id])).get(rows[0]!.id)!;
  });
  // `test` is unset when the backend is unavailable or beforeAll failed before opening it.
  afterAll(async () => (test as TestDatabase | undefined)?.close());

  it.skipIf(!available)('hands requests back in arrival order, a group at a time, then forgets them', async () => {
    const first = [alert({ alertname: 'A', instance: '1' })];
    const second = [alert({ alertname: 'B', instance: '2' }), alert({ alertname: 'A', instance: '1' }, 'resolve')];
    await storeInInbox(
      test.db,
      [
        { integration, alerts: first },
        { integration, alerts: second },
      ],
      new Date(),
    );
    const seen: IncomingAlert[][] = [];
    expect(
      await drainInbox(test.db, { limit: 10 }, (_tx, submissions) => {
        seen.push(...submissions.map((submission) => submission.alerts));
        return Promise.resolve();
      }),
    ).toBe(3);
    expect(seen).toEqual([first, [second[0]], [second[1]]]);
    expect(await drainInbox(test.db, { limit: 10 }, () => Promise.resolve())).toBe(0);
  });

  it.skipIf(!available)('still reads rows written as plain JSON before the inbox was packed', async () => {
    const old = [alert({ alertname: 'Old', instance: '9' })];
    await test.db.query('INSERT INTO alert_inbox (integration_id, received_at, alerts) VALUES ($1, now(), $2::json)', [
      integration.id,
      JSON.stringify(old),
    ]);
    const seen: IncomingAlert[][] = [];
    await drainInbox(test.db, { limit: 10 }, (_tx, submissions) => {
      seen.push(...submissions.map((submission) => submission.alerts));
      return Promise.resolve();
    });
    expect(seen).toEqual([old]);
  });

  it.skipIf(!available)('keeps a failed handling in the inbox for a later try', async () => {
    await storeInInbox(test.db, [{ integration, alerts: [alert({ alertname: 'Kept', instance: '3' })] }], new Date());
    await expect(drainInbox(test.db, { limit: 10 }, () => Promise.reject(new Error('handler failed')))).rejects.toThrow(
      'handler failed',
    );
    expect(await drainInbox(test.db, { limit: 10 }, () => Promise.resolve())).toBe(1);
  });

  it.skipIf(!available)(
    'answers requests that arrive together once committed, and handles them in order when idle',
    async () => {
      const writer = new AlertWriter({ db: test.db, catalogue: new RunbookCatalogue() });
      const requests = Array.from({ length: 6 }, (_, index) => [
        alert({ alertname: 'Together', instance: String(index) }),
      ]);
      // The last request resolves the first alert: handled out of order, it would stay firing.
      requests.push([alert({ alertname: 'Together', instance: '0' }, 'resolve')]);
      await Promise.all(requests.map((alerts) => writer.submit({ integration, alerts })));
      // Answered together: committed as received, before being handled.
      const { rows: inbox } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_inbox');
      expect(inbox[0]!.n).toBeGreaterThan(0);
      await eventually('the inbox to be handled', async () => {
        const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_inbox');
        return rows[0]!.n === 0 ? true : null;
      });
      const { rows } = await test.db.query<{ instance: string; status: string }>(
        `SELECT labels->>'instance' AS instance, status FROM alerts WHERE labels->>'alertname' = 'Together' ORDER BY 1`,
      );
      expect(rows).toEqual([
        { instance: '0', status: 'resolved' },
        ...[1, 2, 3, 4, 5].map((index) => ({ instance: String(index), status: 'firing' })),
      ]);
      await writer.stop();
    },
  );
});
