import { describe, expect, it } from 'vitest';
import { createIntegration } from '../support/alert-support.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe.each(testBackends)('integration tools on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    'explains an alert with the saved settings: its group, its mapped priority and the service its label names',
    async () => {
      await t.call('POST', '/api/v1/services', { body: { id: 'payments', name: 'Payments' } });
      const { id } = await createIntegration(t, {
        name: 'prom-explain',
        kind: 'prometheus',
        settings: { groupBy: ['alertname', 'cluster'], serviceMap: { 'pay-api': 'payments' } },
      });
      const response = await t.call('POST', `/api/v1/integrations/${id}/explain`, {
        body: { labels: { alertname: 'HighLatency', severity: 'critical', job: 'pay-api' } },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        groupLabels: { alertname: 'HighLatency' },
        ownGroup: false,
        severity: 'P1',
        severityWord: 'critical',
        severityFromMap: true,
        serviceId: 'payments',
        suppressedNow: null,
      });
    },
  );

  it.skipIf(!available)(
    'explains with settings not saved yet, falls back to the default priority, and says a silence would mute it',
    async () => {
      const { id } = await createIntegration(t, { name: 'prom-try', kind: 'prometheus' });
      const silence = await t.call('POST', '/api/v1/silences', {
        body: { matchers: ['team="quiet-team"'], endsAt: inAnHour(), comment: 'explain test' },
      });
      expect(silence.statusCode, silence.body).toBe(201);
      const response = await t.call('POST', `/api/v1/integrations/${id}/explain`, {
        body: {
          labels: { alertname: 'DiskFull', severity: 'whatever', team: 'quiet-team' },
          settings: { groupBy: ['cluster'], defaultSeverity: 'P2' },
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        groupLabels: {},
        ownGroup: true,
        severity: 'P2',
        severityFromMap: false,
        serviceId: null,
        suppressedNow: { silences: [silence.json<{ id: string }>().id] },
      });
    },
  );

  it.skipIf(!available)(
    'refuses to explain for a viewer (403), an unknown integration (404) and bad labels (400)',
    async () => {
      const { id } = await createIntegration(t, { name: 'prom-refuse', kind: 'prometheus' });
      const body = { labels: { alertname: 'X' } };
      const viewer = await t.call('POST', `/api/v1/integrations/${id}/explain`, { token: t.users.viewer.token, body });
      expect(viewer.statusCode).toBe(403);
      const unknown = await t.call('POST', '/api/v1/integrations/00000000-0000-4000-8000-000000000000/explain', {
        body,
      });
      expect(unknown.statusCode).toBe(404);
      const bad = await t.call('POST', `/api/v1/integrations/${id}/explain`, { body: { labels: { alertname: 3 } } });
      expect(bad.statusCode).toBe(400);
    },
  );

  it.skipIf(!available)(
    'sends a test alert that opens an incident, audits it, and says a second one joined that open incident',
    async () => {
      const { id } = await createIntegration(t, { name: 'prom-test-alert', kind: 'prometheus' });
      const first = await t.call('POST', `/api/v1/integrations/${id}/test-alert`);
      expect(first.statusCode, first.body).toBe(200);
      const opened = first.json<{ outcome: string; incidentId: string; incidentTitle: string }>();
      expect(opened).toMatchObject({ outcome: 'opened', suppressed: null });
      expect(opened.incidentTitle).toContain('Test alert');
      const { rows } = await t.db.query<{ labels: Record<string, string> }>(
        `SELECT labels FROM alerts WHERE integration_id = $1`,
        [id],
      );
      expect(rows[0]?.labels).toMatchObject({ astreinte_test: 'true' });
      const audit = await t.db.query(
        `SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'integration.test_alert'`,
        [id],
      );
      expect(audit.rows).toHaveLength(1);

      const second = (await t.call('POST', `/api/v1/integrations/${id}/test-alert`)).json();
      expect(second).toMatchObject({ outcome: 'grouped', incidentId: opened.incidentId });
    },
  );

  it.skipIf(!available)('says a test alert was muted by a silence and opened nothing', async () => {
    const { id } = await createIntegration(t, { name: 'prom-test-muted', kind: 'prometheus' });
    const silence = await t.call('POST', '/api/v1/silences', {
      body: { matchers: ['astreinte_test="true"'], endsAt: inAnHour(), comment: 'tests are muted' },
    });
    const response = await t.call('POST', `/api/v1/integrations/${id}/test-alert`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'suppressed',
      incidentId: null,
      suppressed: { silences: [expect.any(String)] },
    });
    // Ended, or every later test alert of this file would be muted too.
    await t.call('DELETE', `/api/v1/silences/${silence.json<{ id: string }>().id}`);
  });

  it.skipIf(!available)('refuses a test alert to a responder (403) and to a disabled integration (409)', async () => {
    const { id } = await createIntegration(t, { name: 'prom-test-off', kind: 'prometheus' });
    const responder = await t.call('POST', `/api/v1/integrations/${id}/test-alert`, { token: t.users.responder.token });
    expect(responder.statusCode).toBe(403);
    await t.call('PATCH', `/api/v1/integrations/${id}`, { body: { disabled: true } });
    expect((await t.call('POST', `/api/v1/integrations/${id}/test-alert`)).statusCode).toBe(409);
  });

  it.skipIf(!available)(
    'resolves a test alert through the ingest path: its incident resolves on its own, audited, and again is a no-op',
    async () => {
      const { id } = await createIntegration(t, { name: 'prom-test-resolve', kind: 'prometheus' });
      const sent = (await t.call('POST', `/api/v1/integrations/${id}/test-alert`)).json<{
        fingerprint: string;
        incidentId: string;
      }>();
      const url = `/api/v1/integrations/${id}/test-alert/resolve`;
      const response = await t.call('POST', url, { body: { fingerprint: sent.fingerprint } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        fingerprint: sent.fingerprint,
        alreadyResolved: false,
        incidentId: sent.incidentId,
        incidentStatus: 'resolved',
      });
      const { rows } = await t.db.query<{ status: string }>(
        `SELECT status FROM alerts WHERE integration_id = $1 AND fingerprint = $2`,
        [id, sent.fingerprint],
      );
      expect(rows).toEqual([{ status: 'resolved' }]);
      const audit = await t.db.query(
        `SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'integration.test_alert_resolve'`,
        [id],
      );
      expect(audit.rows).toHaveLength(1);

      const again = await t.call('POST', url, { body: { fingerprint: sent.fingerprint } });
      expect(again.json()).toMatchObject({ alreadyResolved: true, incidentStatus: 'resolved' });
      expect(
        (
          await t.db.query(
            `SELECT 1 FROM audit_log WHERE action = 'integration.test_alert_resolve' AND target_id = $1`,
            [id],
          )
        ).rows,
      ).toHaveLength(1);
    },
  );

  it.skipIf(!available)(
    'leaves the incident open when the integration does not resolve incidents on its own, and says so',
    async () => {
      const { id } = await createIntegration(t, {
        name: 'prom-test-manual',
        kind: 'prometheus',
        settings: { autoResolve: false },
      });
      const sent = (await t.call('POST', `/api/v1/integrations/${id}/test-alert`)).json<{ fingerprint: string }>();
      const response = await t.call('POST', `/api/v1/integrations/${id}/test-alert/resolve`, {
        body: { fingerprint: sent.fingerprint },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ alreadyResolved: false, incidentStatus: 'triggered' });
    },
  );

  it.skipIf(!available)(
    'refuses to resolve a real alert (400 naming the field), an unknown test alert (404), for a responder (403)',
    async () => {
      const { id } = await createIntegration(t, { name: 'prom-test-refuse', kind: 'prometheus' });
      const url = `/api/v1/integrations/${id}/test-alert/resolve`;
      const real = await t.call('POST', url, { body: { fingerprint: 'a1b2c3' } });
      expect(real.statusCode).toBe(400);
      expect(real.body).toContain('/fingerprint');
      const unknown = await t.call('POST', url, {
        body: { fingerprint: 'astreinte-test:00000000-0000-4000-8000-000000000000' },
      });
      expect(unknown.statusCode).toBe(404);
      const responder = await t.call('POST', url, {
        token: t.users.responder.token,
        body: { fingerprint: 'astreinte-test:00000000-0000-4000-8000-000000000000' },
      });
      expect(responder.statusCode).toBe(403);
    },
  );
});
