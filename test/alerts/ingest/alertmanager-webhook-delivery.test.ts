import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { parseAlertmanagerWebhook } from '../../../src/alerts/ingest/parse-alertmanager-webhook.js';
import {
  alertmanagerMissingReason,
  startAlertmanager,
  type AlertmanagerProcess,
} from '../../support/alertmanager-process.js';

/**
 * Lets a real Alertmanager deliver to a local webhook, then parses what it sent: the payload shape
 * (Go zero time for no end, the fingerprint, version "4") comes from Alertmanager, not from memory.
 */

const labels = { alertname: 'OSRMDown', job: 'osrm', severity: 'critical', instance: '127.0.0.1:5000', city: 'Zürich' };

function configFor(hookUrl: string): string {
  return [
    'route:',
    '  receiver: hook',
    '  group_by: [alertname]',
    '  group_wait: 100ms',
    '  group_interval: 500ms',
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: hook',
    '    webhook_configs:',
    `      - url: ${hookUrl}`,
    '        send_resolved: true',
    '',
  ].join('\n');
}

const missing = alertmanagerMissingReason();
if (missing !== null) console.warn(`SKIPPING the webhook delivery from a real Alertmanager: ${missing}`);

describe.skipIf(missing !== null)('parseAlertmanagerWebhook on payloads a real Alertmanager delivers', () => {
  const received: unknown[] = [];
  const waiters: (() => void)[] = [];
  let hook: Server;
  let alertmanager: AlertmanagerProcess;

  /** Resolves once `count` payloads have arrived. */
  const payloadsArrived = (count: number): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (received.length >= count) resolve();
        else waiters.push(check);
      };
      check();
    });

  const postAlert = async (alert: Record<string, unknown>): Promise<void> => {
    const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([alert]),
    });
    expect(response.status, await response.text()).toBe(200);
  };

  beforeAll(async () => {
    hook = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.end();
        for (const waiter of waiters.splice(0)) waiter();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const address = hook.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    alertmanager = await startAlertmanager(configFor(`http://127.0.0.1:${port}/hook`));
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it (the hook server is created first, synchronously).
    await (alertmanager as AlertmanagerProcess | undefined)?.stop();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('reads the firing notification, then the resolved one, as one alert firing then resolving', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    await postAlert({
      labels,
      annotations: { summary: 'OSRM service unavailable' },
      startsAt,
      generatorURL: 'http://prometheus:9090/graph',
    });
    await payloadsArrived(1);
    const [fired] = parseAlertmanagerWebhook(received[0], new Date());
    expect(fired).toMatchObject({
      fingerprint: labelsFingerprint(labels),
      action: 'trigger',
      labels,
      title: 'OSRM service unavailable',
      severity: 'critical',
      startsAt: new Date(startsAt),
      endsAt: null,
      sourceUrl: 'http://prometheus:9090/graph',
    });

    const endsAt = new Date(Date.now() - 1000).toISOString();
    await postAlert({
      labels,
      annotations: { summary: 'OSRM service unavailable' },
      startsAt,
      endsAt,
      generatorURL: 'http://prometheus:9090/graph',
    });
    await payloadsArrived(2);
    const [resolved] = parseAlertmanagerWebhook(received[1], new Date());
    expect(resolved).toMatchObject({ fingerprint: fired?.fingerprint, action: 'resolve', endsAt: new Date(endsAt) });
  });
});
