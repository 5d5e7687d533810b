import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('incidents API on $backend', ({ backend, available }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!available) return;
    t = await createTestApp(backend);
    await t.db.query(
      `INSERT INTO services (id, name, rto_minutes, rpo_minutes) VALUES ('dispatch-api', 'Dispatch API', 240, 360), ('osrm', 'OSRM routing', 60, NULL)`,
    );
  });
  afterAll(async () => {
    // Unset when the backend is unavailable, or when beforeAll failed before it: afterAll runs all the same.
    await (t as TestApp | undefined)?.close();
  });

  it.skipIf(!available)(
    'declares an incident with services, labels and a commander, all in its first events',
    async () => {
      const response = await t.call('POST', '/api/v1/incidents', {
        token: t.users.responder.token,
        body: {
          title: 'Routing down',
          severity: 'P1',
          services: ['osrm', 'dispatch-api'],
          labels: { team: 'dispatch' },
          commanderId: t.users.responder.id,
          summary: 'OSRM answers 503',
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const incident = response.json();
      expect(incident).toMatchObject({
        status: 'triggered',
        severity: 'P1',
        services: ['dispatch-api', 'osrm'],
        labels: { team: 'dispatch' },
        commander: { userId: t.users.responder.id, name: 'Test responder' },
        overdue: false,
        allowedActions: ['acknowledge', 'resolve'],
      });
      expect(Date.parse(incident.resolutionDueAt) - Date.parse(incident.detectedAt)).toBe(60 * 60_000);
      const timeline = (await t.call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json();
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['incident_declared', 'role_assigned']);
      expect(timeline[0].actor).toEqual({ type: 'user', id: t.users.responder.id, name: 'Test responder' });
    },
  );

  it.skipIf(!available)('records severity, service and text changes as separate timeline events', async () => {
    const { id } = (
      await t.call('POST', '/api/v1/incidents', {
        body: { title: 'Slow API', severity: 'P3', services: ['dispatch-api'] },
      })
    ).json();
    const response = await t.call('PATCH', `/api/v1/incidents/${id}`, {
      body: { severity: 'P1', services: ['osrm'], title: 'API down', reason: 'all requests fail now' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ severity: 'P1', services: ['osrm'], title: 'API down' });
    const events = (await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json();
    expect(events.slice(1).map((e: { type: string; payload: unknown }) => [e.type, e.payload])).toEqual([
      [
        'incident_updated',
        { changes: { title: { from: 'Slow API', to: 'API down' } }, reason: 'all requests fail now' },
      ],
      ['severity_changed', { from: 'P3', to: 'P1', reason: 'all requests fail now' }],
      [
        'services_changed',
        { added: ['osrm'], removed: ['dispatch-api'], services: ['osrm'], reason: 'all requests fail now' },
      ],
    ]);
    const auditRows = async () => (await t.db.query('SELECT 1 FROM audit_log WHERE target_id = $1', [id])).rows.length;
    const auditBefore = await auditRows();
    const unchanged = await t.call('PATCH', `/api/v1/incidents/${id}`, {
      body: { severity: 'P1', services: ['osrm'] },
    });
    expect(unchanged.statusCode).toBe(200);
    expect(await auditRows()).toBe(auditBefore);
    expect((await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json()).toHaveLength(4);
    expect((await t.call('GET', `/api/v1/incidents/${id}/timeline/verification`)).json().consistent).toBe(true);
  });

  it.skipIf(!available)('assigns and removes incident roles', async () => {
    const { id } = (await t.call('POST', '/api/v1/incidents', { body: { title: 'Roles' } })).json();
    const assigned = await t.call('PUT', `/api/v1/incidents/${id}/roles/communications`, {
      body: { userId: t.users.viewer.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().roles.communications).toEqual({ userId: t.users.viewer.id, name: 'Test viewer' });
    const removed = await t.call('PUT', `/api/v1/incidents/${id}/roles/communications`, { body: { userId: null } });
    expect(removed.json().roles).toEqual({});
    const badRole = await t.call('PUT', `/api/v1/incidents/${id}/roles/janitor`, {
      body: { userId: t.users.viewer.id },
    });
    expect(badRole.statusCode).toBe(400);
    const unknownUser = await t.call('PUT', `/api/v1/incidents/${id}/roles/scribe`, {
      body: { userId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json().details.issues[0].path).toBe('/userId');
    expect((await t.call('GET', `/api/v1/incidents/${id}/timeline/verification`)).json().consistent).toBe(true);
  });

  it.skipIf(!available)('adds notes and status updates to the timeline', async () => {
    const { id } = (await t.call('POST', '/api/v1/incidents', { body: { title: 'Comms' } })).json();
    const note = await t.call('POST', `/api/v1/incidents/${id}/notes`, {
      body: { text: 'redis-cli ping answers PONG' },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ seq: 2, type: 'note_added', payload: { text: 'redis-cli ping answers PONG' } });
    const update = await t.call('POST', `/api/v1/incidents/${id}/status-updates`, {
      body: { message: 'We are investigating', public: true },
    });
    expect(update.statusCode).toBe(201);
    expect(update.json()).toMatchObject({
      seq: 3,
      type: 'status_update_posted',
      payload: { message: 'We are investigating', phase: 'investigating', public: true },
    });
  });

  it.skipIf(!available)('lists incidents filtered by status, severity and service, newest first', async () => {
    const a = (
      await t.call('POST', '/api/v1/incidents', { body: { title: 'filter-a', severity: 'P4', services: ['osrm'] } })
    ).json();
    const b = (await t.call('POST', '/api/v1/incidents', { body: { title: 'filter-b', severity: 'P4' } })).json();
    await t.call('POST', `/api/v1/incidents/${b.id}/resolve`);
    const p4 = (await t.call('GET', '/api/v1/incidents?severity=P4')).json();
    expect(p4.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    expect(p4.total).toBe(2);
    const open = (await t.call('GET', '/api/v1/incidents?severity=P4&open=true')).json();
    expect(open.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const resolved = (await t.call('GET', '/api/v1/incidents?status=resolved&severity=P4')).json();
    expect(resolved.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const byService = (await t.call('GET', '/api/v1/incidents?service=osrm&severity=P4')).json();
    expect(byService.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const paged = (await t.call('GET', '/api/v1/incidents?severity=P4&limit=1&offset=1')).json();
    expect(paged.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
  });

  it.skipIf(!available)('marks an incident overdue past its severity target, and not one with no target', async () => {
    const fiveHoursAgo = new Date(Date.now() - 5 * 3600_000).toISOString();
    const p2 = (
      await t.call('POST', '/api/v1/incidents', { body: { title: 'old P2', severity: 'P2', detectedAt: fiveHoursAgo } })
    ).json();
    expect(p2.overdue).toBe(true);
    const p3 = (
      await t.call('POST', '/api/v1/incidents', { body: { title: 'old P3', severity: 'P3', detectedAt: fiveHoursAgo } })
    ).json();
    expect(p3.overdue).toBe(false);
    const p4 = (
      await t.call('POST', '/api/v1/incidents', {
        body: { title: 'old P4', severity: 'P4', detectedAt: '2020-01-01T00:00:00Z' },
      })
    ).json();
    expect(p4).toMatchObject({ overdue: false, resolutionDueAt: null });
    const future = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'future', detectedAt: '2999-01-01T00:00:00Z' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().details.issues[0].path).toBe('/detectedAt');
  });

  it.skipIf(!available)('lets viewers read but not declare', async () => {
    expect((await t.call('GET', '/api/v1/incidents', { token: t.users.viewer.token })).statusCode).toBe(200);
    const refused = await t.call('POST', '/api/v1/incidents', { token: t.users.viewer.token, body: { title: 'nope' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'forbidden', details: { required: 'responder', actual: 'viewer' } });
  });

  it.skipIf(!available)('keeps the timeline append-only in the database itself', async () => {
    const { id } = (await t.call('POST', '/api/v1/incidents', { body: { title: 'immutable' } })).json();
    await expect(t.db.query(`UPDATE incident_events SET type = 'x' WHERE incident_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM incident_events WHERE incident_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE incident_events CASCADE`)).rejects.toThrow(/append-only/);
    expect((await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json()).toHaveLength(1);
  });

  it.skipIf(!available)('detects an incident row that no longer matches its timeline', async () => {
    const { id } = (await t.call('POST', '/api/v1/incidents', { body: { title: 'tampered', severity: 'P2' } })).json();
    await t.db.query(`UPDATE incidents SET severity = 'P4' WHERE id = $1`, [id]);
    const verification = (await t.call('GET', `/api/v1/incidents/${id}/timeline/verification`)).json();
    expect(verification).toEqual({
      consistent: false,
      events: 1,
      differences: [{ field: 'severity', stored: 'P4', replayed: 'P2' }],
    });
  });
});
