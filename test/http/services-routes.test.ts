import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('services API on $backend', ({ backend, available }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!available) return;
    t = await createTestApp(backend);
    // Teams have their own API; the catalogue only needs the rows to exist.
    await t.db.query(`INSERT INTO teams (id, name) VALUES ('dispatch', 'Dispatch'), ('platform', 'Platform')`);
  });
  afterAll(async () => {
    // Unset when the backend is unavailable, or when beforeAll failed before it: afterAll runs all the same.
    await (t as TestApp | undefined)?.close();
  });

  it.skipIf(!available)('creates a service with every field and shows it back', async () => {
    const body = {
      id: 'billing-api',
      name: 'Billing API',
      description: 'Invoices',
      ownerTeamId: 'dispatch',
      rtoMinutes: 60,
      rpoMinutes: 0,
      tags: ['payments', 'tier-1'],
      public: true,
    };
    const created = await t.call('POST', '/api/v1/services', { body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject(body);
    expect(Date.parse(created.json().createdAt)).not.toBeNaN();
    const shown = await t.call('GET', '/api/v1/services/billing-api', { token: t.users.viewer.token });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ ...created.json(), openIncidents: 0 });
  });

  it.skipIf(!available)('fills defaults for a service given only an id and a name', async () => {
    const created = await t.call('POST', '/api/v1/services', { body: { id: 'minimal', name: 'Minimal' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      description: '',
      ownerTeamId: null,
      rtoMinutes: null,
      rpoMinutes: null,
      tags: [],
      public: false,
    });
  });

  it.skipIf(!available)('refuses a duplicate id with 409', async () => {
    expect((await t.call('POST', '/api/v1/services', { body: { id: 'dup-svc', name: 'One' } })).statusCode).toBe(201);
    const again = await t.call('POST', '/api/v1/services', { body: { id: 'dup-svc', name: 'Two' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', details: { id: 'dup-svc' } });
  });

  it.skipIf(!available)('names the failing field when the input is invalid', async () => {
    const cases: [unknown, string][] = [
      [{ id: 'Bad Id', name: 'x' }, '/id'],
      [{ id: 'x', name: 'too short id' }, '/id'],
      // The console's /services/new page would hide a service called "new".
      [{ id: 'new', name: 'New' }, '/id'],
      [{ id: 'ok-id', name: '' }, '/name'],
      [{ id: 'ok-id', name: 'x', rtoMinutes: -1 }, '/rtoMinutes'],
      [{ id: 'ok-id', name: 'x', rpoMinutes: 1.5 }, '/rpoMinutes'],
      [{ id: 'ok-id', name: 'x', tags: 'payments' }, '/tags'],
      [{ id: 'ok-id', name: 'x', public: 'yes' }, '/public'],
      [{ id: 'ok-id', name: 'x', colour: 'red' }, '/colour'],
      [{ id: 'ok-id' }, '/name'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('POST', '/api/v1/services', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        response.json().details.issues.map((i: { path: string }) => i.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const unknownTeam = await t.call('POST', '/api/v1/services', {
      body: { id: 'orphan', name: 'Orphan', ownerTeamId: 'nobody' },
    });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().details.issues).toEqual([{ path: '/ownerTeamId', message: 'no team nobody' }]);
    expect((await t.call('GET', '/api/v1/services/orphan')).statusCode).toBe(404);
  });

  it.skipIf(!available)('updates only the fields sent, and clears the owner with null', async () => {
    await t.call('POST', '/api/v1/services', {
      body: { id: 'maps', name: 'Maps', ownerTeamId: 'dispatch', rtoMinutes: 30, tags: ['geo'] },
    });
    const moved = await t.call('PATCH', '/api/v1/services/maps', {
      body: { ownerTeamId: 'platform', rtoMinutes: null },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Maps', ownerTeamId: 'platform', rtoMinutes: null, tags: ['geo'] });
    const orphaned = await t.call('PATCH', '/api/v1/services/maps', {
      body: { ownerTeamId: null, description: 'tiles' },
    });
    expect(orphaned.json()).toMatchObject({ ownerTeamId: null, description: 'tiles' });
    const badTeam = await t.call('PATCH', '/api/v1/services/maps', { body: { ownerTeamId: 'ghosts' } });
    expect(badTeam.statusCode).toBe(400);
    expect(badTeam.json().details.issues[0].path).toBe('/ownerTeamId');
    const empty = await t.call('PATCH', '/api/v1/services/maps', { body: {} });
    expect(empty.statusCode).toBe(400);
    const renameId = await t.call('PATCH', '/api/v1/services/maps', { body: { id: 'cartes' } });
    expect(renameId.statusCode).toBe(400);
    expect(renameId.json().details.issues[0].path).toBe('/id');
  });

  it.skipIf(!available)('answers 404 for a service that does not exist', async () => {
    expect((await t.call('GET', '/api/v1/services/nowhere')).json()).toMatchObject({
      error: 'not_found',
      details: { entity: 'service', id: 'nowhere' },
    });
    expect((await t.call('PATCH', '/api/v1/services/nowhere', { body: { name: 'x' } })).statusCode).toBe(404);
    expect((await t.call('DELETE', '/api/v1/services/nowhere')).statusCode).toBe(404);
  });

  it.skipIf(!available)('lists services by id, filtered by tag and by owner team', async () => {
    await t.call('POST', '/api/v1/services', {
      body: { id: 'list-b', name: 'B', ownerTeamId: 'platform', tags: ['listing', 'db'] },
    });
    await t.call('POST', '/api/v1/services', {
      body: { id: 'list-a', name: 'A', ownerTeamId: 'dispatch', tags: ['listing'] },
    });
    await t.call('POST', '/api/v1/services', { body: { id: 'list-c', name: 'C', ownerTeamId: 'platform' } });
    const tagged = (await t.call('GET', '/api/v1/services?tag=listing', { token: t.users.viewer.token })).json();
    expect(tagged).toEqual({
      items: [expect.objectContaining({ id: 'list-a' }), expect.objectContaining({ id: 'list-b' })],
      total: 2,
    });
    const platform = (await t.call('GET', '/api/v1/services?ownerTeamId=platform')).json();
    expect(platform.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['list-b', 'list-c']));
    expect(platform.items.every((s: { ownerTeamId: string }) => s.ownerTeamId === 'platform')).toBe(true);
    const both = (await t.call('GET', '/api/v1/services?tag=listing&ownerTeamId=platform')).json();
    expect(both.items.map((s: { id: string }) => s.id)).toEqual(['list-b']);
    const page = (await t.call('GET', '/api/v1/services?tag=listing&limit=1&offset=1')).json();
    expect(page).toMatchObject({ items: [{ id: 'list-b' }], total: 2 });
    expect((await t.call('GET', '/api/v1/services?limit=0')).statusCode).toBe(400);
  });

  it.skipIf(!available)('counts the open incidents of a service', async () => {
    await t.call('POST', '/api/v1/services', { body: { id: 'counted', name: 'Counted' } });
    const one = (await t.call('POST', '/api/v1/incidents', { body: { title: 'first', services: ['counted'] } })).json();
    await t.call('POST', '/api/v1/incidents', { body: { title: 'second', services: ['counted'] } });
    expect((await t.call('GET', '/api/v1/services/counted')).json().openIncidents).toBe(2);
    await t.call('POST', `/api/v1/incidents/${one.id}/resolve`);
    expect((await t.call('GET', '/api/v1/services/counted')).json().openIncidents).toBe(1);
  });

  it.skipIf(!available)('deletes an unused service but refuses one any incident refers to, even resolved', async () => {
    await t.call('POST', '/api/v1/services', { body: { id: 'unused', name: 'Unused' } });
    const deleted = await t.call('DELETE', '/api/v1/services/unused');
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    expect((await t.call('GET', '/api/v1/services/unused')).statusCode).toBe(404);

    await t.call('POST', '/api/v1/services', { body: { id: 'in-history', name: 'In history' } });
    const incident = (
      await t.call('POST', '/api/v1/incidents', { body: { title: 'uses it', services: ['in-history'] } })
    ).json();
    await t.call('POST', `/api/v1/incidents/${incident.id}/resolve`);
    const refused = await t.call('DELETE', '/api/v1/services/in-history');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'conflict',
      details: { id: 'in-history', incidents: [incident.id], count: 1 },
    });
    expect((await t.call('GET', '/api/v1/services/in-history')).statusCode).toBe(200);
  });

  it.skipIf(!available)('lets viewers and responders read the catalogue but only admins change it', async () => {
    await t.call('POST', '/api/v1/services', { body: { id: 'guarded', name: 'Guarded' } });
    for (const role of ['viewer', 'responder'] as const) {
      const token = t.users[role].token;
      expect((await t.call('GET', '/api/v1/services', { token })).statusCode).toBe(200);
      expect((await t.call('GET', '/api/v1/services/guarded', { token })).statusCode).toBe(200);
      const create = await t.call('POST', '/api/v1/services', { token, body: { id: `by-${role}`, name: 'x' } });
      expect(create.statusCode).toBe(403);
      expect(create.json().details).toEqual({ required: 'admin', actual: role });
      expect((await t.call('PATCH', '/api/v1/services/guarded', { token, body: { name: 'y' } })).statusCode).toBe(403);
      expect((await t.call('DELETE', '/api/v1/services/guarded', { token })).statusCode).toBe(403);
    }
    expect((await t.call('GET', '/api/v1/services', { token: null })).statusCode).toBe(401);
  });
});
