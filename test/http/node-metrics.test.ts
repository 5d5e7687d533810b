import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { eventually } from '../support/eventually.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { metricValue } from '../support/scrape-metrics.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'cd'.repeat(32);
const runbook = '# RUNBOOK: Cache down\n\n## Fix\n\n```bash\nredis-cli FLUSHALL\n```\n';

/** Waits until a metric reaches at least `value` (the loops count after their own commits). */
const reaches = (t: Parameters<typeof metricValue>[0], name: string, labels: Record<string, string>, value: number) =>
  eventually(`${name} ${JSON.stringify(labels)} >= ${value}`, async () => {
    const now = await metricValue(t, name, labels);
    return now >= value ? now : null;
  });

describe.each(testBackends)("a node's metrics of its own work on $backend", ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey }, loops: ['timers', 'probes'] });
  let hook: RecordingServer;
  beforeAll(async () => {
    hook = await startRecordingServer();
  });
  afterAll(async () => hook.close());

  it.skipIf(!available)(
    'counts alerts received, processed and refused as invalid, by integration and kind',
    async () => {
      const { key } = await createIntegration(t, { name: 'metrics-prom', kind: 'prometheus' });
      const labels = { integration: 'metrics-prom', kind: 'prometheus' };
      const processedBefore = await metricValue(t, 'astreinte_alerts_processed_total');
      const accepted = await pushAlerts(t, key, [
        promAlert({ alertname: 'DiskFull' }),
        promAlert({ alertname: 'CpuHot' }),
      ]);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(await metricValue(t, 'astreinte_alerts_received_total', labels)).toBe(2);
      await reaches(t, 'astreinte_alerts_processed_total', {}, processedBefore + 2);

      const refused = await pushAlerts(t, key, [promAlert({ alertname: 'Fine' }), { annotations: {} }, { labels: 7 }]);
      expect(refused.statusCode).toBe(400);
      expect(await metricValue(t, 'astreinte_alerts_invalid_total', labels)).toBe(3);
      expect(await metricValue(t, 'astreinte_alerts_received_total', labels)).toBe(2);
    },
  );

  it.skipIf(!available)('shows the depth of the alert inbox and the age of its oldest request', async () => {
    const { id, key } = await createIntegration(t, { name: 'metrics-inbox', kind: 'prometheus' });
    // A request first: the writer has then handled what the inbox held when the app started.
    expect((await pushAlerts(t, key, [promAlert({ alertname: 'Warmup' })])).statusCode).toBe(200);
    expect(await metricValue(t, 'astreinte_alert_inbox_depth')).toBe(0);
    expect(await metricValue(t, 'astreinte_alert_inbox_oldest_age_seconds')).toBe(0);
    const { rows } = await t.db.query<{ id: number }>(
      `INSERT INTO alert_inbox (integration_id, received_at, alerts) VALUES ($1, $2, '[]'), ($1, now(), '[]') RETURNING id`,
      [id, new Date(Date.now() - 20_000)],
    );
    try {
      expect(await metricValue(t, 'astreinte_alert_inbox_depth')).toBe(2);
      expect(await metricValue(t, 'astreinte_alert_inbox_oldest_age_seconds')).toBeGreaterThanOrEqual(20);
    } finally {
      await t.db.query(`DELETE FROM alert_inbox WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
    }
  });

  it.skipIf(!available)(
    'counts pages sent and failed by channel, their latency from the incident, and the timers that ran',
    async () => {
      const channel = await t.call('PUT', '/api/v1/notification-channels/metrics-hook', {
        body: { name: 'Metrics hook', config: { kind: 'webhook', url: `${hook.url}/hook`, secret: 'x'.repeat(32) } },
      });
      expect(channel.statusCode, channel.body).toBeLessThan(300);
      await t.call('PUT', `/api/v1/users/${t.users.responder.id}/notification-rules`, {
        token: t.users.responder.token,
        body: { rules: [{ channel: 'webhook', delayMinutes: 0 }] },
      });
      await t.call('PUT', '/api/v1/escalation-policies/metrics', {
        body: { name: 'metrics', levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.responder.id }] }] },
      });
      await t.call('POST', '/api/v1/services', { body: { id: 'metrics', name: 'metrics' } });
      await t.call('PUT', '/api/v1/services/metrics/escalation-policy', { body: { policyId: 'metrics' } });
      const webhook = { channel: 'webhook' };

      await t.call('POST', '/api/v1/incidents', { body: { title: 'Paged', services: ['metrics'], severity: 'P1' } });
      await reaches(t, 'astreinte_notifications_total', webhook, 1);
      expect(await metricValue(t, 'astreinte_notifications_failed_total', webhook)).toBe(0);
      expect(await metricValue(t, 'astreinte_notification_latency_seconds_count', webhook)).toBe(1);
      expect(await metricValue(t, 'astreinte_timer_lag_seconds_count', { kind: 'incident_opened' })).toBeGreaterThan(0);
      expect(await metricValue(t, 'astreinte_timer_lag_seconds_count', { kind: 'deliver' })).toBeGreaterThan(0);

      // A 400 is not retried: the attempt fails for good, and no latency is counted for it.
      hook.replyNext({ status: 400, body: 'no' });
      await t.call('POST', '/api/v1/incidents', { body: { title: 'Refused', services: ['metrics'], severity: 'P1' } });
      await reaches(t, 'astreinte_notifications_failed_total', webhook, 1);
      expect(await metricValue(t, 'astreinte_notifications_total', webhook)).toBe(2);
      expect(await metricValue(t, 'astreinte_notification_latency_seconds_count', webhook)).toBe(1);
    },
  );

  it.skipIf(!available)('counts step executions by outcome', async () => {
    const imported = await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'm.md', content: runbook } });
    expect(imported.statusCode, imported.body).toBe(201);
    const run = (await t.call('POST', '/api/v1/runs', { body: { runbookId: imported.json().runbooks[0].id } })).json();
    const skipped = await t.call('POST', `/api/v1/runs/${run.id}/steps/s1/outcome`, {
      body: { outcome: 'skipped', note: 'not today' },
    });
    expect(skipped.statusCode, skipped.body).toBe(201);
    expect(await metricValue(t, 'astreinte_step_executions_total', { outcome: 'skipped' })).toBe(1);
  });

  it.skipIf(!available)('tells how late probe checks start after their slot', async () => {
    const before = await metricValue(t, 'astreinte_probe_check_lateness_seconds_count');
    const created = await t.call('POST', '/api/v1/probes', {
      body: { name: 'Metrics probe', target: { kind: 'http', url: `${hook.url}/health` }, intervalSeconds: 60 },
    });
    expect(created.statusCode, created.body).toBe(201);
    // Its first slot is anywhere in its first minute: moved to 2 s ago, it is due and that late.
    const sumBefore = await metricValue(t, 'astreinte_probe_check_lateness_seconds_sum');
    await t.db.query(`UPDATE probes SET next_run_at = $2 WHERE id = $1`, [
      created.json().id,
      new Date(Date.now() - 2000),
    ]);
    await reaches(t, 'astreinte_probe_check_lateness_seconds_count', {}, before + 1);
    expect(await metricValue(t, 'astreinte_probe_check_lateness_seconds_sum')).toBeGreaterThanOrEqual(sumBefore + 2);
  });
});
