import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

interface Entry {
  id: number;
  at: string;
  action: string;
  targetType: string;
  targetId: string | null;
  actor: { type: string; id: string | null; name: string };
  requestId: string | null;
  details: Record<string, unknown>;
}

describe.each(testBackends)('audit log API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('shows each write with its actor, target and request id, newest first', async () => {
    const created = await t.call('POST', '/api/v1/services', { body: { id: 'audited', name: 'Audited' } });
    await t.call('PATCH', '/api/v1/services/audited', { body: { tags: ['x'] } });
    const incident = (
      await t.call('POST', '/api/v1/incidents', {
        token: t.users.responder.token,
        body: { title: 'audited incident', services: ['audited'] },
      })
    ).json();
    const response = await t.call('GET', '/api/v1/audit-log?limit=3');
    expect(response.statusCode, response.body).toBe(200);
    const { items, total } = response.json<{ items: Entry[]; total: number }>();
    expect(total).toBeGreaterThanOrEqual(3);
    expect(items.map((e) => [e.action, e.targetType, e.targetId])).toEqual([
      ['incident.declare', 'incident', incident.id],
      ['service.update', 'service', 'audited'],
      ['service.create', 'service', 'audited'],
    ]);
    expect(items[0]!.actor).toEqual({ type: 'user', id: t.users.responder.id, name: 'Test responder' });
    expect(items[1]!.details).toEqual({ fields: ['tags'] });
    expect(items[2]).toMatchObject({
      actor: { type: 'user', id: t.users.admin.id },
      requestId: created.headers['x-request-id'],
      details: { name: 'Audited' },
    });
    expect(Date.parse(items[0]!.at)).toBeGreaterThanOrEqual(Date.parse(items[2]!.at));
  });

  it.skipIf(!available)('filters by target, actor, action and time, and pages', async () => {
    await t.call('POST', '/api/v1/checklist-templates', {
      body: { id: 'filter-me', name: 'Filter', items: [{ text: 'a' }] },
    });
    // Anchored on a row this test wrote, so earlier tests' writes fall before it.
    const since = (await t.call('GET', '/api/v1/audit-log?action=checklist_template.create&targetId=filter-me')).json()
      .items[0].at as string;
    await t.call('PATCH', '/api/v1/checklist-templates/filter-me', { body: { name: 'Filtered' } });
    await t.call('PATCH', '/api/v1/checklist-templates/filter-me', { body: { description: 'twice' } });
    const { id } = (
      await t.call('POST', '/api/v1/incidents', { token: t.users.responder.token, body: { title: 'by responder' } })
    ).json();

    const byTarget = (await t.call('GET', '/api/v1/audit-log?targetType=checklist_template&targetId=filter-me')).json();
    expect(byTarget.items.map((e: Entry) => e.action)).toEqual([
      'checklist_template.update',
      'checklist_template.update',
      'checklist_template.create',
    ]);
    expect(byTarget.total).toBe(3);
    const byAction = (
      await t.call('GET', '/api/v1/audit-log?action=checklist_template.create&targetId=filter-me')
    ).json();
    expect(byAction.items).toHaveLength(1);
    const byActor = (
      await t.call('GET', `/api/v1/audit-log?actorId=${t.users.responder.id}&since=${encodeURIComponent(since)}`)
    ).json();
    expect(byActor.items.map((e: Entry) => [e.action, e.targetId])).toEqual([['incident.declare', id]]);
    const future = (
      await t.call(
        'GET',
        `/api/v1/audit-log?since=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
      )
    ).json();
    expect(future).toEqual({ items: [], total: 0 });
    const page = (await t.call('GET', '/api/v1/audit-log?targetId=filter-me&limit=1&offset=2')).json();
    expect(page).toMatchObject({ items: [{ action: 'checklist_template.create' }], total: 3 });
  });

  it.skipIf(!available)('records no row for a write that failed', async () => {
    const before = (await t.call('GET', '/api/v1/audit-log?targetType=service&targetId=never-made')).json();
    expect(
      (await t.call('POST', '/api/v1/services', { body: { id: 'never-made', name: 'x', ownerTeamId: 'no-team' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await t.call('POST', '/api/v1/services', { token: t.users.viewer.token, body: { id: 'never-made', name: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect((await t.call('GET', '/api/v1/audit-log?targetType=service&targetId=never-made')).json()).toEqual(before);
  });

  it.skipIf(!available)('names the failing field of an invalid query', async () => {
    const cases: [string, string][] = [
      ['since=yesterday', '/querystring/since'],
      ['limit=0', '/querystring/limit'],
      ['offset=-1', '/querystring/offset'],
      ['colour=red', '/querystring/colour'],
    ];
    for (const [query, path] of cases) {
      const response = await t.call('GET', `/api/v1/audit-log?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it.skipIf(!available)('is readable by admins only', async () => {
    for (const role of ['viewer', 'responder'] as const) {
      const refused = await t.call('GET', '/api/v1/audit-log', { token: t.users[role].token });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().details).toEqual({ required: 'admin', actual: role });
    }
    expect((await t.call('GET', '/api/v1/audit-log', { token: null })).statusCode).toBe(401);
  });
});
