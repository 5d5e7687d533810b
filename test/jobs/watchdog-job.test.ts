import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWatchdogJob } from '../../src/jobs/watchdog-job.js';
import type { DeliveryResult } from '../../src/notifications/delivery-result.js';
import { eventually } from '../support/eventually.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { metricValue } from '../support/scrape-metrics.js';
import { createTestApp } from '../support/test-app.js';

describe('the watchdog heartbeat', () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(async () => server.close());

  function start(intervalMs: number) {
    const pings: DeliveryResult[] = [];
    const errors: unknown[] = [];
    const job = createWatchdogJob({
      url: `${server.url}/ping`,
      intervalMs,
      nodeId: 'node-a',
      now: () => new Date(),
      onError: (error) => errors.push(error),
      onPing: (result) => pings.push(result),
    });
    job.start();
    return { job, pings, errors };
  }

  it('posts an always-firing Watchdog alert at start and then on schedule, and no more once stopped', async () => {
    const before = server.requests.length;
    const { job, pings } = start(50);
    await eventually('three pings', () => (pings.length >= 3 ? true : null));
    await job.stop();
    const sent = server.requests.length;
    const [first] = server.requests.slice(before);
    expect(first).toMatchObject({ method: 'POST', url: '/ping' });
    expect(JSON.parse(first!.body)).toMatchObject({
      status: 'firing',
      alerts: [{ status: 'firing', labels: { alertname: 'Watchdog', node: 'node-a' } }],
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests.length).toBe(sent);
  });

  it('logs a refused ping and keeps pinging', async () => {
    server.replyNext({ status: 503, body: 'down' });
    const { job, pings, errors } = start(50);
    await eventually('a ping after the refused one', () => (pings.length >= 2 ? true : null));
    await job.stop();
    expect(pings[0]).toMatchObject({ outcome: 'failed' });
    expect(pings[1]).toMatchObject({ outcome: 'sent' });
    expect(String(errors[0])).toContain('503');
  });

  it('waits on stop for a ping in flight', async () => {
    const before = server.requests.length;
    server.replyNext('hang');
    const { job, pings } = start(300);
    await eventually('the ping to arrive', () => (server.requests.length > before ? true : null));
    await job.stop();
    // The hanging ping ended (its timeout is the interval) before stop returned.
    expect(pings).toHaveLength(1);
    expect(pings[0]).toMatchObject({ outcome: 'failed' });
  });

  it('is a loop of a node configured with a watchdog URL, counted in its metrics', async () => {
    const before = server.requests.length;
    const t = await createTestApp('pglite', {
      config: { watchdogUrl: `${server.url}/node`, watchdogIntervalMs: 100 },
      loops: ['watchdog'],
    });
    try {
      await eventually('a ping from the node', () =>
        server.requests.slice(before).some((r) => r.url === '/node') ? true : null,
      );
      await eventually('the ping counted', async () =>
        (await metricValue(t, 'astreinte_watchdog_pings_total', { outcome: 'sent' })) >= 1 ? true : null,
      );
    } finally {
      await t.close();
    }
  });
});
