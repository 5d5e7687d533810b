import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../../../src/alerts/alert-model.js';
import { labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { loadIngestIntegrations } from '../../../src/alerts/integrations/load-ingest-integrations.js';
import type { IngestIntegration } from '../../../src/alerts/integrations/integration-keys.js';
import { drainInbox, storeInInbox } from '../../../src/alerts/pipeline/alert-inbox.js';
import { AlertWriter } from '../../../src/alerts/pipeline/alert-writer.js';
import { RunbookCatalogue } from '../../../src/alerts/pipeline/runbook-catalogue.js';
import { eventually } from '../../support/eventually.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../../support/test-database.js';

function alert(alertname: string, instance: string, action: IncomingAlert['action'] = 'trigger'): IncomingAlert {
  const labels = { alertname, instance };
  return {
    fingerprint: labelsFingerprint(labels),
    action,
    labels,
    annotations: {},
    title: alertname,
    severity: 'warning',
    startsAt: null,
    endsAt: null,
    sourceUrl: null,
  };
}

const storm = (request: number, size: number): IncomingAlert[] =>
  Array.from({ length: size }, (_, n) => alert('Storm', `storm-${request * size + n}`));

describe.each(testBackends)('new groups before the backlog on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let integration: IngestIntegration;

  const inboxRows = async (): Promise<{ group_key: string; urgent: boolean }[]> =>
    (
      await test.db.query<{ group_key: string; urgent: boolean }>(
        'SELECT group_key, urgent FROM alert_inbox ORDER BY id',
      )
    ).rows;
  const inboxEmpty = async (): Promise<true | null> => ((await inboxRows()).length === 0 ? true : null);
  /** The id of the `alert_fired` event of each alert named so (ids follow the order events were written). */
  const firedEventIds = async (alertname: string): Promise<number[]> =>
    (
      await test.db.query<{ id: string }>(
        `SELECT e.id FROM incident_events e WHERE e.type = 'alert_fired' AND e.payload->>'title' = $1 ORDER BY e.id`,
        [alertname],
      )
    ).rows.map((row) => Number(row.id));

  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    const { rows } = await test.db.query<{ id: string }>(
      `INSERT INTO integrations (name, kind, key_hash, key_hint, settings, created_at, updated_at)
       VALUES ('storm', 'prometheus', 'hash', 'hint', '{"groupWindowMinutes": 60}', now(), now()) RETURNING id`,
    );
    integration = (await loadIngestIntegrations(test.db, [rows[0]!.id])).get(rows[0]!.id)!;
  });
  afterAll(async () => (test as TestDatabase | undefined)?.close());

  it.skipIf(!available)('marks urgent the triggers of groups with no incident to join, and only them', async () => {
    const writer = new AlertWriter({ db: test.db, catalogue: new RunbookCatalogue() });
    await writer.submit({ integration, alerts: [alert('Open', 'a')] });
    await eventually('the first alert to open its incident', inboxEmpty);
    await writer.stop();
    await storeInInbox(
      test.db,
      [
        { integration, alerts: [alert('Open', 'b'), alert('Fresh', 'a')] },
        { integration, alerts: [alert('Gone', 'a', 'resolve')] },
      ],
      new Date(),
    );
    expect(await inboxRows()).toEqual([
      { group_key: '["Open"]', urgent: false },
      { group_key: '["Fresh"]', urgent: true },
      { group_key: '["Gone"]', urgent: false },
    ]);
    // Past the group window, the group's next alert opens a new incident: urgent again.
    await storeInInbox(test.db, [{ integration, alerts: [alert('Open', 'c')] }], new Date(Date.now() + 61 * 60_000));
    expect((await inboxRows()).at(-1)).toEqual({ group_key: '["Open"]', urgent: true });
    await drainInbox(test.db, { limit: 100 }, () => Promise.resolve());
  });

  it.skipIf(!available)(
    'takes an urgent group with its older rows, in order, before older rows of other groups',
    async () => {
      await storeInInbox(
        test.db,
        [
          { integration, alerts: [alert('Ordered', 'x', 'resolve')] },
          { integration, alerts: [alert('Open', 'y')] },
          { integration, alerts: [alert('Ordered', 'x')] },
        ],
        new Date(),
      );
      const seen: string[] = [];
      const take = (): Promise<number> =>
        drainInbox(test.db, { limit: 1, urgentFirst: true }, (_tx, submissions) => {
          seen.push(...submissions.flatMap(({ alerts }) => alerts.map((each) => `${each.title} ${each.action}`)));
          return Promise.resolve();
        });
      expect(await take()).toBe(2);
      expect(seen).toEqual(['Ordered resolve', 'Ordered trigger']);
      expect(await take()).toBe(1);
      expect(seen.at(-1)).toBe('Open trigger');
    },
  );

  it.skipIf(!available)(
    'pages a new group during a storm of alerts joining an open incident, ahead of them',
    async () => {
      const errors: unknown[] = [];
      const writer = new AlertWriter({
        db: test.db,
        catalogue: new RunbookCatalogue(),
        inboxTargetMs: 5,
        logger: { error: (details: unknown) => errors.push(details) },
      });
      await writer.submit({ integration, alerts: [alert('Storm', 'first')] });
      await eventually('the storm to have its incident', inboxEmpty);
      // The backlog: 300 requests of alerts that join the storm's open incident.
      for (let request = 0; request < 300; request += 50)
        await storeInInbox(
          test.db,
          Array.from({ length: 50 }, (_, n) => ({ integration, alerts: storm(request + n, 16) })),
          new Date(),
        );
      expect((await inboxRows()).every((row) => !row.urgent)).toBe(true);
      writer.start();
      // Mid-storm (a fifth of the backlog handled), a new group comes in.
      await eventually('part of the backlog to be handled', async () =>
        (await firedEventIds('Storm')).length > 1_000 ? true : null,
      );
      await writer.submit({ integration, alerts: [alert('Canary', 'new')] });
      const waiting = 1 + 300 * 16 - (await firedEventIds('Storm')).length;
      await eventually('the inbox to be drained', inboxEmpty, 60_000);
      await writer.stop();
      const [canary] = await firedEventIds('Canary');
      const stormEvents = await firedEventIds('Storm');
      expect(stormEvents).toHaveLength(1 + 300 * 16);
      // By the order of events: most of the storm alerts still waiting when the canary was accepted
      // were handled after it (in arrival order, none would be).
      const after = stormEvents.filter((id) => id > canary!).length;
      expect(after).toBeGreaterThan(waiting / 2);
      const { rows } = await test.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM incidents WHERE title LIKE '%Canary%'`,
      );
      expect(rows[0]!.n).toBe(1);
      expect(errors).toEqual([]);
    },
  );
});
