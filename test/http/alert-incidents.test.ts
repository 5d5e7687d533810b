import { describe, expect, it } from 'vitest';
import { importRunbookSources } from '../../src/runbooks/import-runbook-sources.js';
import { systemActor } from '../../src/core/actor.js';
import { createIntegration, promAlert, pushAlerts, timelineTypes } from '../support/alert-support.js';
import { seedBytes, seedFiles, seedsAvailable } from '../support/seeds.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('alerts into incidents on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  async function incidentOf(labels: Record<string, string>): Promise<string | null> {
    const { rows } = await t.db.query<{ incident_id: string | null }>(
      `SELECT incident_id FROM alerts WHERE labels = $1::jsonb ORDER BY first_seen_at DESC LIMIT 1`,
      [JSON.stringify(labels)],
    );
    return rows[0]?.incident_id ?? null;
  }

  it.skipIf(!available)(
    'maps severity words and labels to a priority and a service, and raises the incident for a more urgent alert',
    async () => {
      await t.call('POST', '/api/v1/services', { body: { id: 'dispatch-api', name: 'Dispatch API' } });
      await t.call('POST', '/api/v1/services', { body: { id: 'routing', name: 'Routing' } });
      const { key } = await createIntegration(t, {
        name: 'prom-mapping',
        kind: 'prometheus',
        settings: {
          severityMap: { Disaster: 'P1', minor: 'P4' },
          serviceMap: { osrm: 'routing' },
          groupBy: ['alertname'],
        },
      });
      expect(
        (await pushAlerts(t, key, [promAlert({ alertname: 'Latency', severity: 'minor', service: 'dispatch-api' })]))
          .statusCode,
      ).toBe(200);
      const incidentId = (await incidentOf({ alertname: 'Latency', severity: 'minor', service: 'dispatch-api' }))!;
      expect((await t.call('GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({
        severity: 'P4',
        services: ['dispatch-api'],
      });
      expect(
        (await pushAlerts(t, key, [promAlert({ alertname: 'Latency', severity: 'DISASTER', job: 'osrm' })])).statusCode,
      ).toBe(200);
      expect((await t.call('GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({
        severity: 'P1',
        services: ['dispatch-api', 'routing'],
      });
      expect(await timelineTypes(t, incidentId)).toEqual(expect.arrayContaining(['alert_fired', 'severity_changed']));
      // An unknown word takes the integration's default (P3).
      expect((await pushAlerts(t, key, [promAlert({ alertname: 'Odd', severity: 'purple' })])).statusCode).toBe(200);
      expect(
        (
          await t.call('GET', `/api/v1/incidents/${(await incidentOf({ alertname: 'Odd', severity: 'purple' }))!}`)
        ).json().severity,
      ).toBe('P3');
    },
  );

  it.skipIf(!available)(
    'opens a new incident for a group whose incident is resolved, or older than the group window',
    async () => {
      const { key } = await createIntegration(t, {
        name: 'prom-window',
        kind: 'prometheus',
        settings: { groupWindowMinutes: 10 },
      });
      await pushAlerts(t, key, [promAlert({ alertname: 'QueueBacklog', queue: 'a' })]);
      const first = (await incidentOf({ alertname: 'QueueBacklog', queue: 'a' }))!;
      await pushAlerts(t, key, [promAlert({ alertname: 'QueueBacklog', queue: 'b' })]);
      expect(await incidentOf({ alertname: 'QueueBacklog', queue: 'b' })).toBe(first);
      // The incident is resolved by hand while alerts still fire: the next new alert opens another.
      expect((await t.call('POST', `/api/v1/incidents/${first}/resolve`, { body: {} })).statusCode).toBe(200);
      await pushAlerts(t, key, [promAlert({ alertname: 'QueueBacklog', queue: 'c' })]);
      const second = (await incidentOf({ alertname: 'QueueBacklog', queue: 'c' }))!;
      expect(second).not.toBe(first);
      // Past the window, even an open incident takes no more alerts.
      await t.db.query(`UPDATE alert_groups SET opened_at = opened_at - interval '11 minutes' WHERE incident_id = $1`, [
        second,
      ]);
      await pushAlerts(t, key, [promAlert({ alertname: 'QueueBacklog', queue: 'd' })]);
      const third = await incidentOf({ alertname: 'QueueBacklog', queue: 'd' });
      expect(third).not.toBe(second);
      expect(third).not.toBeNull();
    },
  );

  it.skipIf(!available || !seedsAvailable)(
    'attaches the runbook that treats the symptom, with its score and the words that matched, and an explicit runbook first',
    async () => {
      const ctx = { actor: systemActor, requestId: 'test', db: t.db, now: () => new Date() };
      const reports = await importRunbookSources({
        ctx,
        input: { files: seedFiles().map((file) => ({ filename: file, content: seedBytes(file.slice(0, 3)) })) },
      });
      const osrm = reports.flatMap((report) => report.runbooks).find((runbook) => /osrm/i.test(runbook.title))!;
      const { key } = await createIntegration(t, { name: 'prom-runbooks', kind: 'prometheus' });
      await pushAlerts(t, key, [
        promAlert(
          { alertname: 'OSRMDown', job: 'osrm', severity: 'critical' },
          { annotations: { summary: 'OSRM service unavailable' } },
        ),
      ]);
      const incidentId = (await incidentOf({ alertname: 'OSRMDown', job: 'osrm', severity: 'critical' }))!;
      const suggested = await t.call('GET', `/api/v1/incidents/${incidentId}/runbooks`, {
        token: t.users.viewer.token,
      });
      expect(suggested.statusCode).toBe(200);
      expect(suggested.json()[0]).toMatchObject({ runbookId: osrm.id, explicit: false });
      expect(suggested.json()[0].score).toBeGreaterThan(0);
      expect(suggested.json()[0].matched.join(' ').toLowerCase()).toMatch(/osrm/);
      expect(await timelineTypes(t, incidentId)).toContain('runbook_suggested');

      const other = reports.flatMap((report) => report.runbooks).find((runbook) => runbook.id !== osrm.id)!;
      await pushAlerts(t, key, [
        promAlert(
          { alertname: 'Whatever', runbook: other.id },
          { annotations: { summary: 'OSRM service unavailable' } },
        ),
      ]);
      const named = (
        await t.call(
          'GET',
          `/api/v1/incidents/${(await incidentOf({ alertname: 'Whatever', runbook: other.id }))!}/runbooks`,
        )
      ).json();
      expect(named[0]).toMatchObject({ runbookId: other.id, explicit: true, score: 1 });
    },
  );
});
