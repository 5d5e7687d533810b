import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { testBackends } from '../support/test-database.js';
import { sseReader } from '../support/sse-reader.js';
import { useTestApp } from '../support/test-app.js';

describe.each(testBackends)('the live incident list on $backend', ({ backend, available }) => {
  // The safety read far away: every event below reached the stream by notification.
  const t = useTestApp(backend, available, { config: { liveSafetyPollMs: 3_600_000 } });

  it.skipIf(!available)(
    'streams an incident opened by an alert and its acknowledgement, and resumes after the last event id',
    async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      const headers = { authorization: `Bearer ${t.users.viewer.token}` };
      const { key } = await createIntegration(t, { name: 'live', kind: 'prometheus' });
      const stream = await fetch(`${base}/api/v1/incidents/events`, { headers });
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const live = sseReader(stream);
      expect(
        (await pushAlerts(t, key, [promAlert({ alertname: 'CheckoutDown', severity: 'critical' })])).statusCode,
      ).toBe(200);
      const opened = await live.until((events) => events.length > 0);
      const incidentId = (opened[0]!.data as { id: string }).id;
      await t.call('POST', `/api/v1/incidents/${incidentId}/acknowledge`, { token: t.users.responder.token });
      const events = await live.until((seen) =>
        seen.some((event) => (event.data as { status?: string }).status === 'acknowledged'),
      );
      await live.close();
      const statuses = events.map((event) => (event.data as { id: string; status: string }).status);
      expect(statuses[0]).toBe('triggered');
      expect(statuses.at(-1)).toBe('acknowledged');
      expect(
        events.every((event) => event.event === 'incident' && (event.data as { id: string }).id === incidentId),
      ).toBe(true);

      // Resuming after the first event gives what came after it, and nothing before.
      const resumed = await fetch(`${base}/api/v1/incidents/events`, {
        headers: { ...headers, 'last-event-id': events[0]!.id },
      });
      const resumedReader = sseReader(resumed);
      const again = await resumedReader.until((more) => more.length > 0, 5_000);
      await resumedReader.close();
      expect(again.map((event) => (event.data as { status: string }).status)).toEqual(['acknowledged']);
    },
  );

  it.skipIf(!available)('refuses a caller without a token', async () => {
    expect((await t.call('GET', '/api/v1/incidents/events', { token: null })).statusCode).toBe(401);
  });
});
