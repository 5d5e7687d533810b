import { describe, expect, it } from 'vitest';
import { packAlerts } from '../../src/alerts/pipeline/inbox-packing.js';
import { alertCounts, createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { metricValue } from '../support/scrape-metrics.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

// The app's clock: the throttle reads the inbox again only once it moved (its reading serves 250 ms).
let clock = new Date();
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

/** Puts requests in the inbox as a node that cannot keep up leaves them (no alert in them: none to handle). */
async function fillInbox(t: TestApp, integrationId: string, requests: number, receivedAgoMs: number): Promise<void> {
  for (let index = 0; index < requests; index += 1) {
    await t.db.query(`INSERT INTO alert_inbox (received_at, integration_id, alerts_packed) VALUES ($1, $2, $3)`, [
      new Date(clock.getTime() - receivedAgoMs),
      integrationId,
      packAlerts([]),
    ]);
  }
}

async function inboxDepth(t: TestApp): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_inbox')).rows[0]!.n;
}

describe.each(testBackends)('alert ingest back-pressure on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, {
    now: () => clock,
    config: { alertInboxMaxAgeMs: 30_000, alertInboxMaxDepth: 5 },
  });

  it.skipIf(!available)(
    'refuses alerts with 429 and Retry-After while the inbox is too old, stores nothing, counts them, and accepts again once drained',
    async () => {
      const { id, key } = await createIntegration(t, { name: 'prom-storm', kind: 'prometheus' });
      // Their groups have incidents already (a new group's first alert is let in, see below).
      const opening = [
        promAlert({ alertname: 'StormOne', instance: 'a' }),
        promAlert({ alertname: 'StormTwo', instance: 'a' }),
      ];
      expect((await pushAlerts(t, key, opening)).statusCode).toBe(200);
      await fillInbox(t, id, 1, 60_000);
      advance(1000);
      const before = await alertCounts(t);
      const alerts = [promAlert({ alertname: 'StormOne' }), promAlert({ alertname: 'StormTwo' })];

      const refused = await pushAlerts(t, key, alerts);
      expect(refused.statusCode, refused.body).toBe(429);
      // 61 s old against a 30 s limit: 31 s over.
      expect(refused.headers['retry-after']).toBe('31');
      expect(refused.json()).toMatchObject({ error: 'rate_limited', details: { reason: 'inbox_age' } });
      expect(refused.json().message).toMatch(/cannot keep up.*nothing was stored/);
      expect(await alertCounts(t)).toEqual(before);
      expect(await inboxDepth(t)).toBe(1);
      const labels = { integration: 'prom-storm', kind: 'prometheus', reason: 'inbox_age' };
      expect(await metricValue(t, 'astreinte_alerts_rejected_total', labels)).toBe(2);
      expect(await metricValue(t, 'astreinte_alert_ingest_throttled')).toBe(1);
      expect(await metricValue(t, 'astreinte_alerts_received_total', { integration: 'prom-storm' })).toBe(2);

      await t.db.query('DELETE FROM alert_inbox');
      advance(1000);
      const accepted = await pushAlerts(t, key, alerts);
      expect(accepted.statusCode, accepted.body).toBe(200);
      const { rows } = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alerts WHERE labels->>'alertname' IN ('StormOne', 'StormTwo')`,
      );
      expect(rows[0]!.n).toBe(4);
      expect(await metricValue(t, 'astreinte_alert_ingest_throttled')).toBe(0);
      expect(await metricValue(t, 'astreinte_alerts_rejected_total', labels)).toBe(2);
    },
  );

  it.skipIf(!available)(
    'refuses alerts while more requests than the limit wait, with a Retry-After growing with how far over',
    async () => {
      const { id, key } = await createIntegration(t, { name: 'prom-deep', kind: 'prometheus' });
      expect((await pushAlerts(t, key, [promAlert({ alertname: 'DeepOne', instance: 'a' })])).statusCode).toBe(200);
      await fillInbox(t, id, 6, 0);
      advance(1000);
      const refused = await pushAlerts(t, key, [promAlert({ alertname: 'DeepOne' })]);
      expect(refused.statusCode, refused.body).toBe(429);
      // 6 waiting against 5: a fifth over, read as a fifth of the 30 s age limit.
      expect(refused.headers['retry-after']).toBe('6');
      expect(refused.json()).toMatchObject({ error: 'rate_limited', details: { reason: 'inbox_depth', depth: 6 } });
      const labels = { integration: 'prom-deep', kind: 'prometheus', reason: 'inbox_depth' };
      expect(await metricValue(t, 'astreinte_alerts_rejected_total', labels)).toBe(1);

      await t.db.query('DELETE FROM alert_inbox');
      advance(1000);
      expect((await pushAlerts(t, key, [promAlert({ alertname: 'DeepOne' })])).statusCode).toBe(200);
    },
  );

  it.skipIf(!available)(
    "answers Alertmanager 503 (its webhook retries 5xx only) and PagerDuty 429, and never refuses a heartbeat's ping",
    async () => {
      const manager = await createIntegration(t, { name: 'am-storm', kind: 'alertmanager' });
      const pagerduty = await createIntegration(t, { name: 'pd-storm', kind: 'pagerduty' });
      const heartbeat = await createIntegration(t, {
        name: 'cron-storm',
        kind: 'heartbeat',
        settings: { heartbeat: { periodSeconds: 600, graceSeconds: 60 }, defaultSeverity: 'P2' },
      });
      const fromManager = () =>
        t.app.inject({
          method: 'POST',
          url: '/integrations/alertmanager',
          headers: { authorization: `Bearer ${manager.key}` },
          payload: { version: '4', status: 'firing', alerts: [{ status: 'firing', labels: { alertname: 'AmStorm' } }] },
        });
      const fromPagerDuty = () =>
        t.app.inject({
          method: 'POST',
          url: '/v2/enqueue',
          payload: {
            routing_key: pagerduty.key,
            event_action: 'trigger',
            dedup_key: 'checkout-storm',
            payload: { summary: 'Storm', source: 'checkout', severity: 'error' },
          },
        });
      // Their groups have incidents already: a new group's first alert would be let in.
      expect((await fromManager()).statusCode).toBe(200);
      expect((await fromPagerDuty()).statusCode).toBe(202);
      await fillInbox(t, manager.id, 1, 45_000);
      advance(1000);
      const before = await alertCounts(t);

      const refusedManager = await fromManager();
      expect(refusedManager.statusCode, refusedManager.body).toBe(503);
      expect(refusedManager.headers['retry-after']).toBe('16');
      expect(refusedManager.json()).toMatchObject({ error: 'rate_limited', details: { reason: 'inbox_age' } });

      const refusedPagerDuty = await fromPagerDuty();
      expect(refusedPagerDuty.statusCode, refusedPagerDuty.body).toBe(429);
      expect(refusedPagerDuty.headers['retry-after']).toBe('16');
      expect(await alertCounts(t)).toEqual(before);

      const ping = await t.app.inject({ method: 'GET', url: `/integrations/heartbeat/${heartbeat.key}` });
      expect(ping.statusCode, ping.body).toBe(200);
      await t.db.query('DELETE FROM alert_inbox');
    },
  );

  it.skipIf(!available)(
    "still lets in a new group's first alert while the backlog waits (it is handled first), not a repeat of an open one",
    async () => {
      const { id, key } = await createIntegration(t, { name: 'prom-new', kind: 'prometheus' });
      expect((await pushAlerts(t, key, [promAlert({ alertname: 'Known', instance: 'a' })])).statusCode).toBe(200);
      await fillInbox(t, id, 6, 0);
      advance(1000);

      expect((await pushAlerts(t, key, [promAlert({ alertname: 'Known', instance: 'b' })])).statusCode).toBe(429);
      const admitted = await pushAlerts(t, key, [promAlert({ alertname: 'BrandNew', severity: 'critical' })]);
      expect(admitted.statusCode, admitted.body).toBe(200);
      const { rows } = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alerts WHERE labels->>'alertname' = 'BrandNew' AND incident_id IS NOT NULL`,
      );
      expect(rows[0]!.n).toBe(1);
      await t.db.query(`UPDATE alert_inbox SET urgent = true WHERE id = (SELECT min(id) FROM alert_inbox)`);
      advance(1000);
      expect(await metricValue(t, 'astreinte_alert_inbox_urgent_depth')).toBe(1);
      await t.db.query('DELETE FROM alert_inbox');
    },
  );
});
