import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { weeklySchedule } from '../support/weekly-schedule.js';

async function ok(t: TestApp, method: string, url: string, body?: unknown): Promise<unknown> {
  const answer = await t.call(method, url, body === undefined ? {} : { body });
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.json();
}

describe.each(testBackends)('service summaries and on call now on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    'calls a service with no incident and no failing probe operational, with nobody on call when it has no policy nor team',
    async () => {
      await ok(t, 'POST', '/api/v1/services', { id: 'quiet-svc', name: 'Quiet', rtoMinutes: 60, rpoMinutes: 5 });
      const summary = await t.call('GET', '/api/v1/services/quiet-svc/summary', { token: t.users.viewer.token });
      expect(summary.statusCode, summary.body).toBe(200);
      expect(summary.json()).toMatchObject({
        id: 'quiet-svc',
        health: 'operational',
        reasons: [],
        openIncidents: 0,
        onCall: [],
        rtoMinutes: 60,
        rpoMinutes: 5,
        escalationPolicyId: null,
      });
    },
  );

  it.skipIf(!available)(
    'says a service is down because of an open P1, and only degraded once that incident is mitigated',
    async () => {
      await ok(t, 'POST', '/api/v1/services', { id: 'pay-svc', name: 'Payments' });
      const incident = (await ok(t, 'POST', '/api/v1/incidents', {
        title: 'Card payments refused',
        severity: 'P1',
        services: ['pay-svc'],
      })) as { id: string };
      const down = (await t.call('GET', '/api/v1/services/pay-svc/summary')).json();
      expect(down).toMatchObject({
        health: 'down',
        openIncidents: 1,
        reasons: [
          {
            kind: 'incident',
            health: 'down',
            id: incident.id,
            title: 'Card payments refused',
            severity: 'P1',
            status: 'triggered',
          },
        ],
      });
      await ok(t, 'POST', `/api/v1/incidents/${incident.id}/acknowledge`, {});
      await ok(t, 'POST', `/api/v1/incidents/${incident.id}/mitigate`, {});
      const mitigated = (await t.call('GET', '/api/v1/services/pay-svc/summary')).json();
      expect(mitigated).toMatchObject({
        health: 'degraded',
        reasons: [{ kind: 'incident', health: 'degraded', status: 'mitigated' }],
      });
      await ok(t, 'POST', `/api/v1/incidents/${incident.id}/resolve`, {});
      expect((await t.call('GET', '/api/v1/services/pay-svc/summary')).json()).toMatchObject({
        health: 'operational',
        openIncidents: 0,
        reasons: [],
      });
    },
  );

  it.skipIf(!available)('says a service is down because one of its probes is down, naming the probe', async () => {
    await ok(t, 'POST', '/api/v1/services', { id: 'probed-svc', name: 'Probed' });
    // An hour's interval: the runner does not check it during the test, the status set below stays.
    const probe = (await ok(t, 'POST', '/api/v1/probes', {
      name: 'Probed health',
      serviceId: 'probed-svc',
      intervalSeconds: 3600,
      target: { kind: 'tcp', host: '127.0.0.1', port: 9 },
    })) as { id: string };
    await t.db.query(`UPDATE probes SET status = 'down' WHERE id = $1::uuid`, [probe.id]);
    const summary = (await t.call('GET', '/api/v1/services/probed-svc/summary')).json();
    expect(summary).toMatchObject({
      health: 'down',
      reasons: [{ kind: 'probe', health: 'down', id: probe.id, title: 'Probed health', status: 'down' }],
    });
    await t.db.query(`UPDATE probes SET status = 'flapping' WHERE id = $1::uuid`, [probe.id]);
    expect((await t.call('GET', '/api/v1/services/probed-svc/summary')).json()).toMatchObject({
      health: 'degraded',
      reasons: [{ kind: 'probe', status: 'flapping' }],
    });
  });

  it.skipIf(!available)(
    "names who level 1 of the service's escalation policy pages now, through which schedule and until when",
    async () => {
      const { responder, admin } = t.users;
      await ok(t, 'PUT', '/api/v1/schedules/sum-primary', weeklySchedule('Summary primary', [responder.id]));
      await ok(t, 'PUT', '/api/v1/escalation-policies/sum-policy', {
        name: 'Summary policy',
        levels: [
          { delayMinutes: 0, targets: [{ type: 'schedule', id: 'sum-primary' }] },
          { delayMinutes: 15, targets: [{ type: 'user', id: admin.id }] },
        ],
      });
      await ok(t, 'POST', '/api/v1/services', { id: 'sum-svc', name: 'Summarised' });
      await ok(t, 'PUT', '/api/v1/services/sum-svc/escalation-policy', { policyId: 'sum-policy' });
      const all = await t.call('GET', '/api/v1/service-summaries', { token: t.users.viewer.token });
      expect(all.statusCode, all.body).toBe(200);
      const summary = all.json<{ id: string }[]>().find((service) => service.id === 'sum-svc');
      // A one-person weekly layer never hands over: nothing changes within the look-ahead.
      expect(summary).toMatchObject({
        escalationPolicyId: 'sum-policy',
        onCall: [
          {
            userId: responder.id,
            name: 'Test responder',
            via: { type: 'schedule', id: 'sum-primary', name: 'Summary primary' },
            until: null,
          },
        ],
      });
    },
  );

  it.skipIf(!available)("falls back on the owner team's schedules for a service without a policy", async () => {
    await ok(t, 'POST', '/api/v1/teams', { id: 'owners', name: 'Owners' });
    await ok(
      t,
      'PUT',
      '/api/v1/schedules/owners-rota',
      weeklySchedule('Owners rota', [t.users.admin.id, t.users.viewer.id], 'owners'),
    );
    await ok(t, 'POST', '/api/v1/services', { id: 'owned-svc', name: 'Owned', ownerTeamId: 'owners' });
    const summary = (await t.call('GET', '/api/v1/services/owned-svc/summary')).json<{
      onCall: { via: { id: string }; until: string | null }[];
    }>();
    expect(summary).toMatchObject({ ownerTeamId: 'owners', ownerTeamName: 'Owners' });
    expect(summary.onCall).toHaveLength(1);
    expect(summary.onCall[0]!.via.id).toBe('owners-rota');
    expect(summary.onCall[0]!.until).not.toBeNull();
  });

  it.skipIf(!available)('answers 404 for the summary of a service that does not exist', async () => {
    expect((await t.call('GET', '/api/v1/services/no-such-svc/summary')).statusCode).toBe(404);
  });

  it.skipIf(!available)(
    'lists every schedule with who is on call now, until the handoff, and the next shifts with names',
    async () => {
      const { admin, responder } = t.users;
      await ok(t, 'PUT', '/api/v1/schedules/now-rota', weeklySchedule('Now rota', [admin.id, responder.id]));
      const answer = await t.call('GET', '/api/v1/on-call?hours=336&limit=3', { token: t.users.viewer.token });
      expect(answer.statusCode, answer.body).toBe(200);
      const rota = answer
        .json<
          {
            scheduleId: string;
            timeZone: string;
            onCall: { userId: string; name: string; until: string } | null;
            next: { userId: string; name: string; start: string; end: string }[];
          }[]
        >()
        .find((schedule) => schedule.scheduleId === 'now-rota');
      expect(rota?.timeZone).toBe('Europe/Paris');
      expect([admin.id, responder.id]).toContain(rota?.onCall?.userId);
      const other = rota?.onCall?.userId === admin.id ? responder : admin;
      // The next shift starts when the current one ends, with the other person; weekly: 7 days later, the first again.
      expect(rota?.next[0]).toMatchObject({ userId: other.id, start: rota?.onCall?.until });
      expect(rota?.next[0]?.name).not.toBe(other.id);
      expect(Date.parse(rota!.next[0]!.end) - Date.parse(rota!.next[0]!.start)).toBeGreaterThanOrEqual(
        7 * 24 * 3_600_000 - 3_600_000,
      );
      expect(rota?.next[1]).toMatchObject({ userId: rota?.onCall?.userId, start: rota?.next[0]?.end });
      // The last shift shown ends at its real handoff, past the look-ahead, not where the window cut it.
      const last = rota!.next.at(-1)!;
      expect(Date.parse(last.end) - Date.parse(last.start)).toBeGreaterThanOrEqual(7 * 24 * 3_600_000 - 3_600_000);
    },
  );

  it.skipIf(!available)('says a shift of a one-person rota has no planned end', async () => {
    await ok(t, 'PUT', '/api/v1/schedules/solo-rota', {
      name: 'Solo rota',
      definition: {
        timeZone: 'UTC',
        overrides: [
          {
            id: 'cover',
            userId: t.users.admin.id,
            startsAt: new Date(Date.now() + 3_600_000).toISOString(),
            endsAt: new Date(Date.now() + 7_200_000).toISOString(),
          },
        ],
        layers: [
          {
            id: 'daily',
            name: 'Daily',
            rotation: { kind: 'daily', handoffTime: '09:00' },
            startsAt: '2026-01-05T09:00:00Z',
            participants: [t.users.responder.id],
          },
        ],
      },
    });
    const rota = (await t.call('GET', '/api/v1/on-call'))
      .json<
        {
          scheduleId: string;
          onCall: { overrideId: string | null };
          next: { userId: string; overrideId: string | null; end: string | null }[];
        }[]
      >()
      .find((schedule) => schedule.scheduleId === 'solo-rota');
    expect(rota?.next).toEqual([
      expect.objectContaining({ userId: t.users.admin.id, overrideId: 'cover' }),
      expect.objectContaining({ userId: t.users.responder.id, end: null }),
    ]);
  });

  it.skipIf(!available)('refuses an on-call look-ahead beyond 90 days', async () => {
    expect((await t.call('GET', '/api/v1/on-call?hours=99999')).statusCode).toBe(400);
  });
});
