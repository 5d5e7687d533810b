import { describe, expect, it } from 'vitest';
import { alertCounts, createIntegration, promAlert, pushAlerts, timelineTypes } from '../support/alert-support.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const past = () => new Date(Date.now() - 1000).toISOString();

describe.each(testBackends)('alert ingestion on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { bodyLimitBytes: 64 * 1024 } });

  it.skipIf(!available)(
    'turns fifty instances of one Prometheus alert into one incident, repeats into counts, and resolves it when they all resolve',
    async () => {
      const { key } = await createIntegration(t, { name: 'prom-main', kind: 'prometheus' });
      const instances = Array.from({ length: 50 }, (_, index) =>
        promAlert(
          { alertname: 'OSRMDown', job: 'osrm', severity: 'critical', instance: `10.0.0.${index}:5000` },
          { annotations: { summary: 'OSRM service unavailable' } },
        ),
      );
      const first = await pushAlerts(t, key, instances);
      expect(first.statusCode, first.body).toBe(200);
      const { rows: alerts } = await t.db.query<{ incident_id: string; event_count: number; severity: string }>(
        `SELECT incident_id, event_count, severity FROM alerts WHERE labels->>'alertname' = 'OSRMDown'`,
      );
      expect(alerts).toHaveLength(50);
      const incidents = new Set(alerts.map((alert) => alert.incident_id));
      expect(incidents.size).toBe(1);
      const incidentId = [...incidents][0]!;
      const incident = (await t.call('GET', `/api/v1/incidents/${incidentId}`)).json();
      expect(incident).toMatchObject({
        severity: 'P1',
        status: 'triggered',
        title: 'OSRM service unavailable (+49 more)',
        labels: { alertname: 'OSRMDown', integration: 'prom-main' },
      });
      expect((await timelineTypes(t, incidentId)).filter((type) => type === 'alert_fired')).toHaveLength(50);
      // The audit says who sent how many, in a row per flush, not a row per alert.
      const { rows: audited } = await t.db.query<{ actor_type: string; actor_name: string; details: object }>(
        `SELECT actor_type, actor_name, details FROM audit_log WHERE action = 'alerts.ingest'`,
      );
      expect(audited).toEqual([{ actor_type: 'integration', actor_name: 'prom-main', details: { received: 50 } }]);

      // Prometheus re-sends firing alerts: a repeat counts, and adds nothing to the timeline.
      const before = await timelineTypes(t, incidentId);
      expect((await pushAlerts(t, key, instances)).statusCode).toBe(200);
      expect(await timelineTypes(t, incidentId)).toEqual(before);
      const { rows: counted } = await t.db.query<{ event_count: number }>(
        `SELECT DISTINCT event_count FROM alerts WHERE incident_id = $1`,
        [incidentId],
      );
      expect(counted).toEqual([{ event_count: 2 }]);

      // Half resolve: the incident stays; the rest resolve: it resolves itself and says why.
      const resolved = instances.map((alert) => ({ ...alert, endsAt: past() }));
      expect((await pushAlerts(t, key, resolved.slice(0, 25))).statusCode).toBe(200);
      expect((await t.call('GET', `/api/v1/incidents/${incidentId}`)).json().status).toBe('triggered');
      expect((await pushAlerts(t, key, resolved.slice(25))).statusCode).toBe(200);
      const after = (await t.call('GET', `/api/v1/incidents/${incidentId}`)).json();
      expect(after.status).toBe('resolved');
      const types = await timelineTypes(t, incidentId);
      expect(types.filter((type) => type === 'alert_resolved')).toHaveLength(50);
      expect(types.at(-1)).toBe('incident_resolved');
      const { rows: last } = await t.db.query<{ actor_type: string; actor_name: string; payload: { note: string } }>(
        `SELECT actor_type, actor_name, payload FROM incident_events WHERE incident_id = $1 ORDER BY seq DESC LIMIT 1`,
        [incidentId],
      );
      expect(last[0]).toMatchObject({ actor_type: 'integration', actor_name: 'prom-main' });
      expect(last[0]!.payload.note).toMatch(/all its alerts resolved/);
    },
  );

  it.skipIf(!available)(
    'answers 401 to a missing, wrong or disabled key, and to a key of another kind, storing nothing',
    async () => {
      const prometheus = await createIntegration(t, { name: 'prom-keys', kind: 'prometheus' });
      const pagerduty = await createIntegration(t, { name: 'pd-keys', kind: 'pagerduty' });
      const before = await alertCounts(t);
      const alerts = [promAlert({ alertname: 'KeyCheck' })];
      expect((await pushAlerts(t, null, alerts)).statusCode).toBe(401);
      expect((await pushAlerts(t, 'f'.repeat(32), alerts)).statusCode).toBe(401);
      const wrongKind = await pushAlerts(t, pagerduty.key, alerts);
      expect(wrongKind.statusCode).toBe(401);
      expect(wrongKind.json().message).toMatch(/pagerduty integration: send to \/v2\/enqueue/);
      // An API token is not an integration key.
      expect((await pushAlerts(t, t.users.admin.token, alerts)).statusCode).toBe(401);
      expect(
        (await t.call('PATCH', `/api/v1/integrations/${prometheus.id}`, { body: { disabled: true } })).statusCode,
      ).toBe(200);
      expect((await pushAlerts(t, prometheus.key, alerts)).statusCode).toBe(401);
      expect(await alertCounts(t)).toEqual(before);
    },
  );

  it.skipIf(!available)(
    'refuses a batch with bad alerts whole, naming the index and field of each, and a body over the limit with 413',
    async () => {
      const { key } = await createIntegration(t, { name: 'prom-errors', kind: 'prometheus' });
      const before = await alertCounts(t);
      const bad = await pushAlerts(t, key, [
        promAlert({ alertname: 'Fine' }),
        { labels: { alertname: 'NoTime', 'bad-name': 'x' }, startsAt: 'yesterday' },
        { annotations: { summary: 'no labels' } },
        { labels: { alertname: 42 } },
      ]);
      expect(bad.statusCode).toBe(400);
      const paths = (bad.json().details.issues as { path: string }[]).map((issue) => issue.path);
      expect(paths).toEqual(
        expect.arrayContaining(['/1/labels/bad-name', '/1/startsAt', '/2/labels', '/3/labels/alertname']),
      );
      expect(paths.some((path) => path.startsWith('/0'))).toBe(false);
      expect((await pushAlerts(t, key, { not: 'an array' })).statusCode).toBe(400);
      const big = Array.from({ length: 400 }, (_, index) =>
        promAlert({ alertname: 'Big', instance: `host-${index}`, padding: 'x'.repeat(200) }),
      );
      const tooBig = await pushAlerts(t, key, big);
      expect(tooBig.statusCode).toBe(413);
      expect(await alertCounts(t)).toEqual(before);
    },
  );

  it.skipIf(!available)(
    'takes an Alertmanager webhook: firing alerts open an incident, resolved ones resolve it',
    async () => {
      const { key } = await createIntegration(t, {
        name: 'am-forward',
        kind: 'alertmanager',
        settings: { groupBy: ['alertname', 'service'] },
      });
      const payload = (status: 'firing' | 'resolved') => ({
        version: '4',
        groupKey: '{}:{alertname="RedisDown"}',
        truncatedAlerts: 0,
        status,
        receiver: 'astreinte',
        groupLabels: { alertname: 'RedisDown' },
        commonLabels: { alertname: 'RedisDown', severity: 'warning' },
        commonAnnotations: {},
        externalURL: 'http://127.0.0.1:9093',
        alerts: [
          {
            status,
            labels: { alertname: 'RedisDown', severity: 'warning', service: 'cache' },
            annotations: { summary: 'Redis is down' },
            startsAt: new Date(Date.now() - 120_000).toISOString(),
            endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : past(),
            generatorURL: 'http://127.0.0.1:9090/graph',
            fingerprint: 'a1b2c3d4e5f60718',
          },
        ],
      });
      const send = (body: unknown) =>
        t.app.inject({
          method: 'POST',
          url: '/integrations/alertmanager',
          headers: { authorization: `Bearer ${key}` },
          payload: body as object,
        });
      expect((await send(payload('firing'))).statusCode).toBe(200);
      const { rows } = await t.db.query<{ incident_id: string; severity: string; fingerprint: string }>(
        `SELECT incident_id, severity, fingerprint FROM alerts WHERE fingerprint = 'a1b2c3d4e5f60718'`,
      );
      expect(rows[0]).toMatchObject({ severity: 'P3' });
      expect((await send(payload('resolved'))).statusCode).toBe(200);
      expect((await t.call('GET', `/api/v1/incidents/${rows[0]!.incident_id}`)).json().status).toBe('resolved');
      const bad = await send({ ...payload('firing'), alerts: [{ ...payload('firing').alerts[0], status: 'burning' }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.issues.map((issue: { path: string }) => issue.path)).toContain('/alerts/0/status');
    },
  );

  it.skipIf(!available)(
    "speaks PagerDuty Events v2: trigger opens, acknowledge acknowledges, resolve resolves; errors in PagerDuty's shape",
    async () => {
      const { key } = await createIntegration(t, { name: 'pd-tools', kind: 'pagerduty' });
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      const send = (body: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: '/v2/enqueue', payload: { routing_key: key, ...body } });
      const trigger = await send({
        event_action: 'trigger',
        payload: { summary: 'Payment provider errors above 5%', source: 'checkout', severity: 'error' },
      });
      expect(trigger.statusCode, trigger.body).toBe(202);
      expect(trigger.json()).toMatchObject({ status: 'success', message: 'Event processed' });
      const dedupKey = trigger.json().dedup_key as string;
      const { rows } = await t.db.query<{ incident_id: string }>(
        'SELECT incident_id FROM alerts WHERE fingerprint = $1',
        [dedupKey],
      );
      const incidentPath = `/api/v1/incidents/${rows[0]!.incident_id}`;
      expect((await t.call('GET', incidentPath)).json()).toMatchObject({ severity: 'P2', status: 'triggered' });
      expect((await send({ event_action: 'acknowledge', dedup_key: dedupKey })).statusCode).toBe(202);
      expect((await t.call('GET', incidentPath)).json().status).toBe('acknowledged');
      expect((await send({ event_action: 'resolve', dedup_key: dedupKey })).statusCode).toBe(202);
      expect((await t.call('GET', incidentPath)).json().status).toBe('resolved');
      expect(await timelineTypes(t, rows[0]!.incident_id)).toEqual(
        expect.arrayContaining([
          'alert_fired',
          'alert_acknowledged',
          'incident_acknowledged',
          'alert_resolved',
          'incident_resolved',
        ]),
      );

      const invalid = await send({
        event_action: 'trigger',
        payload: { summary: 'x', source: 'y', severity: 'apocalyptic' },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
      expect(invalid.json().errors.join(' ')).toMatch(/severity/);
      const wrongKey = await t.app.inject({
        method: 'POST',
        url: '/v2/enqueue',
        payload: {
          routing_key: '0'.repeat(32),
          event_action: 'trigger',
          payload: { summary: 'x', source: 'y', severity: 'info' },
        },
      });
      expect(wrongKey.statusCode).toBe(401);
    },
  );

  it.skipIf(!available)("reads a generic webhook with the integration's mapping", async () => {
    const mapping = {
      alerts: '$.events',
      title: '$.check.name',
      severity: '$.level',
      dedupKey: '$.id',
      status: '$.state',
      labels: { host: '$.check.host' },
    };
    const { key } = await createIntegration(t, {
      name: 'uptime-hook',
      kind: 'webhook',
      settings: { mapping, groupBy: ['host'] },
    });
    const send = (state: string) =>
      t.app.inject({
        method: 'POST',
        url: '/integrations/webhook',
        headers: { 'x-astreinte-key': key },
        payload: {
          events: [{ id: 'chk-1', state, level: 'critical', check: { name: 'Checkout page down', host: 'shop-1' } }],
        },
      });
    expect((await send('down')).statusCode).toBe(202);
    const { rows } = await t.db.query<{
      incident_id: string;
      title: string;
      severity: string;
      labels: Record<string, string>;
    }>(`SELECT incident_id, title, severity, labels FROM alerts WHERE fingerprint = 'chk-1'`);
    expect(rows[0]).toMatchObject({ title: 'Checkout page down', severity: 'P1', labels: { host: 'shop-1' } });
    expect((await send('resolved')).statusCode).toBe(202);
    expect((await t.call('GET', `/api/v1/incidents/${rows[0]!.incident_id}`)).json().status).toBe('resolved');
    // A mapping is checked when it is saved, not at the first alert.
    const badMapping = await t.call('POST', '/api/v1/integrations', {
      body: { name: 'bad-hook', kind: 'webhook', settings: { mapping: { title: 'check.name' } } },
    });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().details.issues[0].path).toMatch(/^\/settings\/mapping/);
  });
});
