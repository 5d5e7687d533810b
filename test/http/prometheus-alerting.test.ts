import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/actor.js';
import { importRunbookSources } from '../../src/runbooks/import-runbook-sources.js';
import { createIntegration } from '../support/alert-support.js';
import { alertmanagerMissingReason, startAlertmanager } from '../support/alertmanager-process.js';
import { freePort } from '../support/daemon-process.js';
import { prometheusMissingReason, startPrometheus } from '../support/prometheus-process.js';
import { seedBytes, seedFiles, seedsAvailable } from '../support/seeds.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { eventually } from '../support/eventually.js';

const missing =
  prometheusMissingReason() ?? alertmanagerMissingReason() ?? (seedsAvailable ? null : 'no seed runbooks');
if (missing !== null) console.warn(`skipped: Prometheus end-to-end test: ${missing}`);

describe.each(testBackends)(
  'a real Prometheus and Alertmanager sending to Astreinte on $backend',
  ({ backend, available }) => {
    const t = useTestApp(backend, available);
    const daemons: { stop(): Promise<void> }[] = [];
    let target: Server | null = null;
    afterAll(async () => {
      target?.close();
      await Promise.all(daemons.map((daemon) => daemon.stop()));
    });

    it.skipIf(!available || missing !== null)(
      'opens an incident with the right runbook when a scraped target is down, and resolves it when the target comes back',
      async () => {
        const ctx = { actor: systemActor, requestId: 'test', db: t.db, now: () => new Date() };
        await importRunbookSources({
          ctx,
          input: { files: seedFiles().map((file) => ({ filename: file, content: seedBytes(file.slice(0, 3)) })) },
        });
        const prometheusKey = (await createIntegration(t, { name: 'prometheus', kind: 'prometheus' })).key;
        const alertmanagerKey = (await createIntegration(t, { name: 'alertmanager', kind: 'alertmanager' })).key;
        const astreinte = new URL(await t.app.listen({ host: '127.0.0.1', port: 0 }));
        const targetPort = await freePort(); // nothing listens there yet: the target is down

        const alertmanager = await startAlertmanager(
          [
            'route: { receiver: astreinte, group_by: [alertname], group_wait: 1s, group_interval: 1s, repeat_interval: 1h }',
            'receivers:',
            '  - name: astreinte',
            '    webhook_configs:',
            `      - url: http://127.0.0.1:${astreinte.port}/integrations/alertmanager`,
            '        send_resolved: true',
            `        http_config: { authorization: { credentials: ${alertmanagerKey} } }`,
            '',
          ].join('\n'),
        );
        daemons.push(alertmanager);
        const alertmanagerPort = new URL(alertmanager.url).port;
        daemons.push(
          await startPrometheus(
            [
              'global: { scrape_interval: 1s, evaluation_interval: 1s }',
              'rule_files: [rules.yml]',
              'scrape_configs:',
              `  - { job_name: osrm, static_configs: [{ targets: ['127.0.0.1:${targetPort}'] }] }`,
              'alerting:',
              '  alertmanagers:',
              `    - { api_version: v2, authorization: { credentials: ${prometheusKey} }, static_configs: [{ targets: ['127.0.0.1:${astreinte.port}'] }] }`,
              `    - { api_version: v2, static_configs: [{ targets: ['127.0.0.1:${alertmanagerPort}'] }] }`,
              '',
            ].join('\n'),
            [
              'groups:',
              '  - name: osrm',
              '    rules:',
              '      - alert: OSRMDown',
              '        expr: up{job="osrm"} == 0',
              '        labels: { severity: critical }',
              '        annotations: { summary: "OSRM service unavailable", description: "OSRM on {{ $labels.instance }} does not answer" }',
              '',
            ].join('\n'),
          ),
        );

        const incidentOf = (integration: string) =>
          eventually(
            `an incident from ${integration}`,
            async () => {
              const { rows } = await t.db.query<{ incident_id: string | null }>(
                `SELECT a.incident_id FROM alerts a JOIN integrations i ON i.id = a.integration_id WHERE i.name = $1 AND a.labels->>'alertname' = 'OSRMDown'`,
                [integration],
              );
              return rows[0]?.incident_id ?? null;
            },
            45_000,
          );
        const pushed = await incidentOf('prometheus');
        const forwarded = await incidentOf('alertmanager');
        for (const incidentId of [pushed, forwarded]) {
          expect((await t.call('GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({
            status: 'triggered',
            severity: 'P1',
          });
          const runbooks = (await t.call('GET', `/api/v1/incidents/${incidentId}/runbooks`)).json();
          expect(runbooks[0]?.title ?? '').toMatch(/OSRM/i);
        }

        target = createServer((_request, response) => {
          response.setHeader('content-type', 'text/plain; version=0.0.4');
          response.end('osrm_up 1\n');
        });
        await new Promise<void>((resolve) => target!.listen(targetPort, '127.0.0.1', resolve));
        for (const incidentId of [pushed, forwarded]) {
          await eventually(
            `${incidentId} resolved`,
            async () => {
              const incident = (await t.call('GET', `/api/v1/incidents/${incidentId}`)).json();
              return incident.status === 'resolved' ? incident : null;
            },
            45_000,
          );
        }
      },
      120_000,
    );
  },
);
