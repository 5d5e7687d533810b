import { beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const draft = {
  sourceMatchers: ['alertname="NodeDown"'],
  targetMatchers: ['alertname=~"Service.*"'],
  equal: ['instance'],
};

describe.each(testBackends)('the preview of a draft inhibition rule on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);
  let integrationId = '';

  beforeAll(async () => {
    if (!available) return;
    const { id, key } = await createIntegration(t, { name: 'prom-preview', kind: 'prometheus' });
    integrationId = id;
    const fire = (alertname: string, instance: string) =>
      promAlert({ alertname, instance }, { annotations: { summary: `${alertname} on ${instance}` } });
    const pushed = await pushAlerts(t, key, [
      fire('NodeDown', 'db-1'),
      fire('ServiceDown', 'db-1'),
      fire('ServiceDown', 'db-2'),
    ]);
    expect(pushed.statusCode).toBe(200);
  });

  it.skipIf(!available)(
    'says how many firing alerts the rule would mute now, with the source muting each, and stores nothing',
    async () => {
      const response = await t.call('POST', '/api/v1/inhibit-rules/preview', { body: draft });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        muted: 1,
        sources: 1,
        examined: 3,
        capped: false,
        limit: 5000,
        sample: [
          {
            id: expect.any(String),
            title: 'ServiceDown on db-1',
            severity: expect.any(String),
            labels: { alertname: 'ServiceDown', instance: 'db-1' },
            incidentId: expect.any(String),
            mutedBy: 'NodeDown on db-1',
          },
        ],
      });
      expect((await t.db.query('SELECT 1 FROM inhibit_rules')).rows).toEqual([]);
      const { rows } = await t.db.query(`SELECT 1 FROM alerts WHERE suppressed IS NOT NULL`);
      expect(rows).toEqual([]);
    },
  );

  it.skipIf(!available)('mutes nothing when no source fires for the equal labels', async () => {
    const response = await t.call('POST', '/api/v1/inhibit-rules/preview', {
      body: { ...draft, sourceMatchers: ['alertname="NodeDown"', 'instance="db-9"'] },
    });
    expect(response.json()).toMatchObject({ muted: 0, sources: 0, sample: [] });
  });

  it.skipIf(!available)('refuses a responder (403), a bad regex (400 at its line) and no matchers (400)', async () => {
    const url = '/api/v1/inhibit-rules/preview';
    expect((await t.call('POST', url, { token: t.users.responder.token, body: draft })).statusCode).toBe(403);
    const bad = await t.call('POST', url, { body: { ...draft, targetMatchers: ['alertname="X"', 'job=~"a(b"'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('"path":"/targetMatchers/1"');
    const empty = await t.call('POST', url, { body: { ...draft, sourceMatchers: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('/sourceMatchers');
  });

  it.skipIf(!available)(
    'examines only the most recent firing alerts when more fire than its limit, and says so',
    async () => {
      // Straight into the table: the ingest path would take minutes for this many.
      await t.db.query(
        `INSERT INTO alerts (integration_id, fingerprint, status, title, severity, labels, annotations,
                             starts_at, first_seen_at, last_seen_at, group_key)
         SELECT $1::uuid, 'storm-' || n, 'firing', 'ServiceDown on db-1', 'P3',
                jsonb_build_object('alertname', 'ServiceDown', 'instance', 'db-1', 'n', n::text), '{}'::jsonb,
                now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour', 'storm'
           FROM generate_series(1, 5000) AS n`,
        [integrationId],
      );
      const response = await t.call('POST', '/api/v1/inhibit-rules/preview', { body: draft });
      expect(response.statusCode, response.body).toBe(200);
      // The three pushed alerts are the most recent; the 5000 older ones leave 4997 room.
      expect(response.json()).toMatchObject({ examined: 5000, capped: true, sources: 1, muted: 4998 });
    },
  );
});
