import { describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe.each(testBackends)('silences, maintenance windows and inhibition on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  /** Pushes one alert and returns its stored row. */
  async function fire(key: string, labels: Record<string, string>) {
    expect((await pushAlerts(t, key, [promAlert(labels)])).statusCode).toBe(200);
    const { rows } = await t.db.query<{
      id: string;
      incident_id: string | null;
      suppressed: Record<string, unknown> | null;
    }>(`SELECT id, incident_id, suppressed FROM alerts WHERE labels = $1::jsonb AND status = 'firing'`, [
      JSON.stringify(labels),
    ]);
    return rows[0]!;
  }

  it.skipIf(!available)(
    'mutes alerts matching a silence with each operator, keeps them visible, and pages again once it expires',
    async () => {
      const { key } = await createIntegration(t, { name: 'prom-silence', kind: 'prometheus' });
      const silence = await t.call('POST', '/api/v1/silences', {
        token: t.users.responder.token,
        body: {
          matchers: [
            'alertname="DiskFull"',
            { name: 'env', operator: '!=', value: 'prod' },
            'instance=~"db-[0-9]+"',
            'team!~"pay.*"',
          ],
          endsAt: inAnHour(),
          comment: 'resizing disks',
        },
      });
      expect(silence.statusCode, silence.body).toBe(201);
      expect(silence.json()).toMatchObject({ state: 'active', createdBy: 'Test responder' });
      const muted = await fire(key, { alertname: 'DiskFull', env: 'staging', instance: 'db-1', team: 'ops' });
      expect(muted).toMatchObject({ incident_id: null, suppressed: { silences: [silence.json().id] } });
      // Each operator, failing on its own, lets the alert page.
      for (const labels of [
        { alertname: 'DiskFull', env: 'prod', instance: 'db-2', team: 'ops' },
        { alertname: 'DiskFull', env: 'staging', instance: 'web-1', team: 'ops' },
        { alertname: 'DiskFull', env: 'staging', instance: 'db-3', team: 'payments' },
        { alertname: 'DiskAlmostFull', env: 'staging', instance: 'db-4', team: 'ops' },
      ]) {
        expect((await fire(key, labels)).suppressed, JSON.stringify(labels)).toBeNull();
      }
      const listed = await t.call('GET', '/api/v1/alerts?suppressed=true', { token: t.users.viewer.token });
      expect(listed.json().map((alert: { id: string }) => alert.id)).toContain(muted.id);

      expect(
        (await t.call('DELETE', `/api/v1/silences/${silence.json().id}`, { token: t.users.responder.token })).json()
          .state,
      ).toBe('expired');
      const again = await fire(key, { alertname: 'DiskFull', env: 'staging', instance: 'db-1', team: 'ops' });
      expect(again.suppressed).toBeNull();
      expect(again.incident_id).not.toBeNull();
    },
  );

  it.skipIf(!available)('refuses a silence that would mute everything, a bad regex, and one already over', async () => {
    const everything = await t.call('POST', '/api/v1/silences', {
      body: { matchers: ['alertname=~".*"'], endsAt: inAnHour(), comment: 'all' },
    });
    expect(everything.statusCode).toBe(400);
    const badRegex = await t.call('POST', '/api/v1/silences', {
      body: { matchers: ['job="x"', 'instance=~"(unclosed"'], endsAt: inAnHour(), comment: 'bad' },
    });
    expect(badRegex.statusCode).toBe(400);
    expect(badRegex.json().details.issues[0].path).toMatch(/^\/matchers\/1/);
    const over = await t.call('POST', '/api/v1/silences', {
      body: { matchers: ['job="x"'], endsAt: new Date(Date.now() - 1000).toISOString(), comment: 'late' },
    });
    expect(over.statusCode).toBe(400);
    expect(
      (
        await t.call('POST', '/api/v1/silences', {
          token: t.users.viewer.token,
          body: { matchers: ['job="x"'], endsAt: inAnHour(), comment: 'viewer' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it.skipIf(!available)('stores alerts of a service in maintenance without paging', async () => {
    await t.call('POST', '/api/v1/services', { body: { id: 'billing', name: 'Billing' } });
    const { key } = await createIntegration(t, { name: 'prom-maint', kind: 'prometheus' });
    const window = await t.call('POST', '/api/v1/maintenance-windows', {
      token: t.users.responder.token,
      body: {
        serviceId: 'billing',
        startsAt: new Date(Date.now() - 1000).toISOString(),
        endsAt: inAnHour(),
        reason: 'database upgrade',
      },
    });
    expect(window.statusCode, window.body).toBe(201);
    const muted = await fire(key, { alertname: 'BillingDown', service: 'billing' });
    expect(muted).toMatchObject({ incident_id: null, suppressed: { maintenance: [window.json().id] } });
    expect((await fire(key, { alertname: 'BillingDown', service: 'other' })).incident_id).not.toBeNull();
    const unknown = await t.call('POST', '/api/v1/maintenance-windows', {
      body: { serviceId: 'nope', startsAt: new Date().toISOString(), endsAt: inAnHour(), reason: 'x' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.issues[0].path).toBe('/serviceId');
  });

  it.skipIf(!available)('mutes a target alert while a source alert with the same equal labels fires', async () => {
    const { key } = await createIntegration(t, { name: 'prom-inhibit', kind: 'prometheus' });
    const rule = await t.call('POST', '/api/v1/inhibit-rules', {
      body: {
        name: 'node down mutes its services',
        sourceMatchers: ['alertname="NodeDown"'],
        targetMatchers: ['severity=~"warning|critical"', 'alertname!="NodeDown"'],
        equal: ['node'],
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const source = await fire(key, { alertname: 'NodeDown', node: 'n1', severity: 'critical' });
    expect(source.suppressed).toBeNull();
    const target = await fire(key, { alertname: 'ServiceDown', node: 'n1', severity: 'critical' });
    expect(target).toMatchObject({ incident_id: null, suppressed: { inhibitedBy: { ruleId: rule.json().id } } });
    expect((await fire(key, { alertname: 'ServiceDown', node: 'n2', severity: 'critical' })).suppressed).toBeNull();
    expect((await fire(key, { alertname: 'ServiceDown', node: 'n1', severity: 'info' })).suppressed).toBeNull();
    expect(
      (
        await t.call('POST', '/api/v1/inhibit-rules', {
          token: t.users.responder.token,
          body: { name: 'x', sourceMatchers: ['a="b"'], targetMatchers: ['c="d"'] },
        })
      ).statusCode,
    ).toBe(403);
  });
});
