import { describe, expect, it } from 'vitest';
import { incidentStatuses, type IncidentStatus } from '../../src/incidents/incident-model.js';
import { lifecycleActions, transitions } from '../../src/incidents/lifecycle.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

/** Actions that bring a new incident to each status. */
const pathTo: Record<IncidentStatus, string[]> = {
  triggered: [],
  acknowledged: ['acknowledge'],
  mitigated: ['acknowledge', 'mitigate'],
  resolved: ['acknowledge', 'mitigate', 'resolve'],
};

describe.each(testBackends)('every lifecycle transition over HTTP on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  async function incidentIn(status: IncidentStatus): Promise<string> {
    const declared = await t.call('POST', '/api/v1/incidents', { body: { title: `in ${status}`, severity: 'P2' } });
    const id: string = declared.json().id;
    for (const action of pathTo[status]) {
      const response = await t.call('POST', `/api/v1/incidents/${id}/${action}`, { token: t.users.responder.token });
      expect(response.statusCode, response.body).toBe(200);
    }
    return id;
  }

  async function snapshot(id: string): Promise<{ incident: unknown; events: number; audit: number }> {
    const incident = (await t.call('GET', `/api/v1/incidents/${id}`)).json();
    const events = (await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json().length;
    const audit = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    return { incident, events, audit };
  }

  for (const status of incidentStatuses) {
    for (const action of lifecycleActions) {
      const target = transitions[status][action];
      if (target !== undefined) {
        it.skipIf(!available)(
          `${action} on a ${status} incident answers 200 with status ${target} and one timeline event`,
          async () => {
            const id = await incidentIn(status);
            const before = await snapshot(id);
            const response = await t.call('POST', `/api/v1/incidents/${id}/${action}`, {
              body: { note: 'done by test' },
            });
            expect(response.statusCode, response.body).toBe(200);
            expect(response.json().status).toBe(target);
            const timeline = (await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json();
            expect(timeline).toHaveLength(before.events + 1);
            expect(timeline.at(-1)).toMatchObject({
              payload: { from: status, to: target, note: 'done by test' },
              actor: { type: 'user', name: 'Administrator' },
            });
            const verification = (await t.call('GET', `/api/v1/incidents/${id}/timeline/verification`)).json();
            expect(verification.consistent, JSON.stringify(verification.differences)).toBe(true);
          },
        );
      } else {
        it.skipIf(!available)(
          `${action} on a ${status} incident answers 409 with the allowed next states and changes nothing`,
          async () => {
            const id = await incidentIn(status);
            const before = await snapshot(id);
            const response = await t.call('POST', `/api/v1/incidents/${id}/${action}`);
            expect(response.statusCode).toBe(409);
            expect(response.json()).toMatchObject({
              error: 'invalid_transition',
              details: { status, action, allowedNextStates: Object.values(transitions[status]) },
            });
            expect(await snapshot(id)).toEqual(before);
          },
        );
      }
    }
  }

  it.skipIf(!available)(
    'sets and clears the lifecycle timestamps, and a reopened incident starts a new cycle',
    async () => {
      const id = await incidentIn('resolved');
      const resolved = (await t.call('GET', `/api/v1/incidents/${id}`)).json();
      expect(resolved.acknowledgedAt).not.toBeNull();
      expect(resolved.mitigatedAt).not.toBeNull();
      expect(resolved.resolvedAt).not.toBeNull();
      const reopened = (await t.call('POST', `/api/v1/incidents/${id}/reopen`)).json();
      expect(reopened).toMatchObject({
        status: 'triggered',
        acknowledgedAt: null,
        mitigatedAt: null,
        resolvedAt: null,
      });
      const types = (await t.call('GET', `/api/v1/incidents/${id}/timeline`))
        .json()
        .map((e: { type: string }) => e.type);
      expect(types).toEqual([
        'incident_declared',
        'incident_acknowledged',
        'incident_mitigated',
        'incident_resolved',
        'incident_reopened',
      ]);
    },
  );

  it.skipIf(!available)('lets only one of two simultaneous acknowledgements through', async () => {
    const id = await incidentIn('triggered');
    const answers = await Promise.all([
      t.call('POST', `/api/v1/incidents/${id}/acknowledge`),
      t.call('POST', `/api/v1/incidents/${id}/acknowledge`, { token: t.users.responder.token }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const timeline = (await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json();
    expect(timeline.filter((e: { type: string }) => e.type === 'incident_acknowledged')).toHaveLength(1);
    expect(timeline.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
  });

  it.skipIf(!available)('refuses lifecycle actions from a viewer with 403', async () => {
    const id = await incidentIn('triggered');
    const response = await t.call('POST', `/api/v1/incidents/${id}/acknowledge`, { token: t.users.viewer.token });
    expect(response.statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/incidents/${id}`)).json().status).toBe('triggered');
  });
});
