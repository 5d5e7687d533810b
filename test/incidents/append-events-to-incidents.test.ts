import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/core/context.js';
import { appendEventsToIncidents } from '../../src/incidents/append-incident-event.js';
import { insertIncident } from '../../src/incidents/incident-statements.js';
import type { NewTimelineEvent } from '../../src/incidents/timeline-events.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

const now = new Date('2026-03-01T12:00:00Z');
const integration = { type: 'integration', id: '00000000-0000-4000-8000-000000000001', name: 'prom' } as const;

const resolved = (fingerprint: string): NewTimelineEvent => ({
  type: 'alert_resolved',
  payload: { alertId: '00000000-0000-4000-8000-00000000000a', fingerprint, title: fingerprint },
});

describe.each(testBackends)(
  'appending the events of several incidents at once on $backend',
  ({ backend, available }) => {
    let test: TestDatabase;

    beforeAll(async () => {
      if (!available) return;
      test = await openTestDatabase(backend);
      for (const [number, id] of ['INC-1', 'INC-2'].entries())
        await test.db.query(insertIncident, [id, number + 1, id, '', '', 'P3', '{}', now, now]);
    });

    afterAll(async () => {
      // Unset when the backend is unavailable or beforeAll failed early: afterAll runs all the same.
      await (test as TestDatabase | undefined)?.close();
    });

    it.skipIf(!available)(
      'numbers each timeline on from its counter, in the order given, batches of one incident included',
      async () => {
        const ctx = systemCtx(test.db, () => now, 'test');
        await appendEventsToIncidents(ctx, [
          { incidentId: 'INC-1', actor: integration, events: [resolved('a'), resolved('b')] },
          { incidentId: 'INC-2', actor: integration, events: [resolved('c')] },
          { incidentId: 'INC-1', actor: integration, events: [resolved('d')] },
        ]);
        await appendEventsToIncidents(ctx, [{ incidentId: 'INC-2', actor: integration, events: [resolved('e')] }]);
        const { rows } = await test.db.query<{
          incident_id: string;
          seq: number;
          fingerprint: string;
          actor_id: string;
        }>(
          `SELECT incident_id, seq, payload->>'fingerprint' AS fingerprint, actor_id FROM incident_events ORDER BY incident_id, seq`,
        );
        expect(rows.map((row) => [row.incident_id, row.seq, row.fingerprint])).toEqual([
          ['INC-1', 1, 'a'],
          ['INC-1', 2, 'b'],
          ['INC-1', 3, 'd'],
          ['INC-2', 1, 'c'],
          ['INC-2', 2, 'e'],
        ]);
        expect(new Set(rows.map((row) => row.actor_id))).toEqual(new Set([integration.id]));
        const counters = await test.db.query(`SELECT id, last_event_seq FROM incidents ORDER BY id`);
        expect(counters.rows).toEqual([
          { id: 'INC-1', last_event_seq: 3 },
          { id: 'INC-2', last_event_seq: 2 },
        ]);
      },
    );

    it.skipIf(!available)('refuses, writing nothing, when an incident does not exist', async () => {
      const ctx = systemCtx(test.db, () => now, 'test');
      await expect(
        test.db.transaction((tx) =>
          appendEventsToIncidents({ ...ctx, db: tx }, [
            { incidentId: 'INC-1', actor: integration, events: [resolved('f')] },
            { incidentId: 'INC-404', actor: integration, events: [resolved('g')] },
          ]),
        ),
      ).rejects.toThrow(/vanished/);
      const { rows } = await test.db.query(`SELECT count(*)::int AS n FROM incident_events`);
      expect(rows).toEqual([{ n: 5 }]);
    });
  },
);
