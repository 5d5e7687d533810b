import { describe, expect, it } from 'vitest';
import { RunbookCatalogue } from '../../src/alerts/pipeline/runbook-catalogue.js';
import { createAlertSweepJob } from '../../src/jobs/alert-sweep-job.js';
import { createIntegration, promAlert, pushAlerts, timelineTypes } from '../support/alert-support.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('heartbeats and expired alerts on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);
  const sweep = () => {
    const errors: unknown[] = [];
    const job = createAlertSweepJob({
      db: t.db,
      catalogue: new RunbookCatalogue(),
      intervalMs: 60_000,
      now: () => new Date(),
      onError: (error) => errors.push(error),
    });
    return job.runOnce().then(() => expect(errors).toEqual([]));
  };
  const heartbeatAlert = async (integrationId: string) =>
    (
      await t.db.query<{ status: string; incident_id: string | null; title: string }>(
        `SELECT status, incident_id, title FROM alerts WHERE integration_id = $1 ORDER BY first_seen_at DESC`,
        [integrationId],
      )
    ).rows;

  it.skipIf(!available)(
    'raises an alert once when a job stops calling in past its period and grace, and resolves it when it calls again',
    async () => {
      const { id, key } = await createIntegration(t, {
        name: 'nightly-dispatch-check',
        kind: 'heartbeat',
        settings: { heartbeat: { periodSeconds: 600, graceSeconds: 60 }, defaultSeverity: 'P2' },
      });
      const ping = await t.app.inject({ method: 'GET', url: `/integrations/heartbeat/${key}` });
      expect(ping.statusCode, ping.body).toBe(200);
      expect(Date.parse(ping.json().nextDueAt) - Date.now()).toBeGreaterThan(650_000);
      await sweep();
      expect(await heartbeatAlert(id)).toEqual([]);

      // Eleven minutes of silence later (the clock is moved by moving the due time).
      await t.db.query(`UPDATE heartbeats SET due_at = now() - interval '1 second' WHERE integration_id = $1`, [id]);
      await sweep();
      await sweep();
      const raised = await heartbeatAlert(id);
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({ status: 'firing' });
      expect(raised[0]!.title).toMatch(/^No heartbeat from nightly-dispatch-check since /);
      const incident = (await t.call('GET', `/api/v1/incidents/${raised[0]!.incident_id}`)).json();
      expect(incident).toMatchObject({ severity: 'P2', status: 'triggered' });

      expect((await t.app.inject({ method: 'POST', url: `/integrations/heartbeat/${key}` })).json()).toMatchObject({
        status: 'up',
        recovered: true,
      });
      expect((await heartbeatAlert(id))[0]!.status).toBe('resolved');
      expect((await t.call('GET', `/api/v1/incidents/${raised[0]!.incident_id}`)).json().status).toBe('resolved');
      expect(await timelineTypes(t, raised[0]!.incident_id!)).toEqual(
        expect.arrayContaining(['alert_fired', 'alert_resolved', 'incident_resolved']),
      );
    },
  );

  it.skipIf(!available)(
    'answers 401 to an unknown heartbeat key, and refuses a heartbeat integration without a period',
    async () => {
      expect((await t.app.inject({ method: 'GET', url: `/integrations/heartbeat/${'0'.repeat(32)}` })).statusCode).toBe(
        401,
      );
      const noPeriod = await t.call('POST', '/api/v1/integrations', {
        body: { name: 'hb-no-period', kind: 'heartbeat' },
      });
      expect(noPeriod.statusCode).toBe(400);
      expect(noPeriod.json().details.issues[0].path).toBe('/settings/heartbeat');
    },
  );

  it.skipIf(!available)(
    'resolves a Prometheus alert whose endsAt passed without a refresh, as Alertmanager does',
    async () => {
      const { key } = await createIntegration(t, { name: 'prom-expiry', kind: 'prometheus' });
      await pushAlerts(t, key, [
        promAlert({ alertname: 'Flaky', instance: 'x' }, { endsAt: new Date(Date.now() + 120_000).toISOString() }),
      ]);
      await sweep();
      const firing = await t.db.query<{ status: string; incident_id: string }>(
        `SELECT status, incident_id FROM alerts WHERE labels->>'alertname' = 'Flaky'`,
      );
      expect(firing.rows[0]!.status).toBe('firing');
      await t.db.query(`UPDATE alerts SET ends_at = now() - interval '1 second' WHERE labels->>'alertname' = 'Flaky'`);
      await sweep();
      const after = await t.db.query<{ status: string }>(
        `SELECT status FROM alerts WHERE labels->>'alertname' = 'Flaky'`,
      );
      expect(after.rows[0]!.status).toBe('resolved');
      expect((await t.call('GET', `/api/v1/incidents/${firing.rows[0]!.incident_id}`)).json().status).toBe('resolved');
    },
  );
});
