import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const unknownUserId = '00000000-0000-4000-8000-000000000000';

describe.each(testBackends)('teams API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  /** A new team with a unique slug, created through the API. */
  async function newTeam(fields: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
    const id = `team-${randomBytes(4).toString('hex')}`;
    const response = await t.call('POST', '/api/v1/teams', { body: { id, name: `Team ${id}`, ...fields } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function auditActions(teamId: string): Promise<string[]> {
    const { rows } = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'team' AND target_id = $1 ORDER BY id`,
      [teamId],
    );
    return rows.map((r) => r.action);
  }

  it.skipIf(!available)('creates a team, reads it back and records team.create in the audit log', async () => {
    const created = await t.call('POST', '/api/v1/teams', {
      body: { id: 'dispatch', name: 'Dispatch', description: 'Routing and dispatch' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'dispatch',
      name: 'Dispatch',
      description: 'Routing and dispatch',
      members: [],
    });
    const read = await t.call('GET', '/api/v1/teams/dispatch', { token: t.users.viewer.token });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created.json());
    expect(await auditActions('dispatch')).toEqual(['team.create']);
  });

  it.skipIf(!available)('answers 409 naming the id when the team already exists', async () => {
    const team = await newTeam();
    const again = await t.call('POST', '/api/v1/teams', { body: { id: team.id, name: 'Again' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', details: { field: 'id' } });
    expect((await t.call('GET', `/api/v1/teams/${team.id}`)).json().name).toBe(team.name);
  });

  it.skipIf(!available)(
    'answers 400 naming the field for a bad slug, a missing name and an unknown field',
    async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ id: 'Not A Slug', name: 'X' }, '/id'],
        [{ id: 'ok-slug' }, '/name'],
        [{ id: 'ok-slug', name: 'X', colour: 'red' }, '/colour'],
      ];
      for (const [body, path] of cases) {
        const response = await t.call('POST', '/api/v1/teams', { body });
        expect(response.statusCode).toBe(400);
        expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
      }
      const team = await newTeam();
      const unknownField = await t.call('PATCH', `/api/v1/teams/${team.id}`, { body: { id: 'renamed' } });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json().details.issues[0].path).toBe('/id');
      expect((await t.call('PATCH', `/api/v1/teams/${team.id}`, { body: {} })).statusCode).toBe(400);
      expect(await auditActions(team.id)).toEqual(['team.create']);
    },
  );

  it.skipIf(!available)('renames a team and changes its description, recording team.update', async () => {
    const team = await newTeam({ description: 'before' });
    const renamed = await t.call('PATCH', `/api/v1/teams/${team.id}`, { body: { name: 'Renamed' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: team.id, name: 'Renamed', description: 'before' });
    const described = await t.call('PATCH', `/api/v1/teams/${team.id}`, { body: { description: '' } });
    expect(described.json()).toMatchObject({ name: 'Renamed', description: '' });
    expect(await auditActions(team.id)).toEqual(['team.create', 'team.update', 'team.update']);
  });

  it.skipIf(!available)(
    'adds members idempotently, lists them by name and removes them, auditing each change',
    async () => {
      const team = await newTeam();
      const first = await t.call('PUT', `/api/v1/teams/${team.id}/members/${t.users.viewer.id}`);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().members).toEqual([{ userId: t.users.viewer.id, name: 'Test viewer' }]);
      const again = await t.call('PUT', `/api/v1/teams/${team.id}/members/${t.users.viewer.id}`);
      expect(again.json().members).toHaveLength(1);
      const both = await t.call('PUT', `/api/v1/teams/${team.id}/members/${t.users.admin.id}`);
      expect(both.json().members.map((m: { name: string }) => m.name)).toEqual(['Administrator', 'Test viewer']);
      const removed = await t.call('DELETE', `/api/v1/teams/${team.id}/members/${t.users.viewer.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().members).toEqual([{ userId: t.users.admin.id, name: 'Administrator' }]);
      expect(await auditActions(team.id)).toEqual([
        'team.create',
        'team.add_member',
        'team.add_member',
        'team.remove_member',
      ]);
    },
  );

  it.skipIf(!available)("lists teams by id, and only a user's teams when asked", async () => {
    const a = await newTeam();
    const b = await newTeam();
    await t.call('PUT', `/api/v1/teams/${b.id}/members/${t.users.responder.id}`);
    const all = (await t.call('GET', '/api/v1/teams', { token: t.users.viewer.token })).json();
    const ids = all.items.map((team: { id: string }) => team.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).toEqual([...ids].sort());
    expect(all.total).toBe(all.items.length);
    const mine = (await t.call('GET', `/api/v1/teams?userId=${t.users.responder.id}`)).json();
    expect(mine.items.map((team: { id: string }) => team.id)).toEqual([b.id]);
    expect(mine.total).toBe(1);
    expect((await t.call('GET', '/api/v1/teams?userId=nope')).statusCode).toBe(400);
  });

  it.skipIf(!available)('answers 404 for unknown teams, unknown users and users not in the team', async () => {
    expect((await t.call('GET', '/api/v1/teams/no-such-team')).statusCode).toBe(404);
    expect((await t.call('PATCH', '/api/v1/teams/no-such-team', { body: { name: 'X' } })).statusCode).toBe(404);
    const noTeam = await t.call('PUT', `/api/v1/teams/no-such-team/members/${t.users.viewer.id}`);
    expect(noTeam.statusCode).toBe(404);
    expect(noTeam.json().details).toMatchObject({ entity: 'team' });
    const team = await newTeam();
    for (const userId of [unknownUserId, 'not-a-uuid']) {
      const noUser = await t.call('PUT', `/api/v1/teams/${team.id}/members/${userId}`);
      expect(noUser.statusCode).toBe(404);
      expect(noUser.json().details).toMatchObject({ entity: 'user' });
      expect((await t.call('DELETE', `/api/v1/teams/${team.id}/members/${userId}`)).statusCode).toBe(404);
    }
    const notMember = await t.call('DELETE', `/api/v1/teams/${team.id}/members/${t.users.viewer.id}`);
    expect(notMember.statusCode).toBe(404);
    expect(notMember.json().details).toMatchObject({ entity: 'team member' });
    expect(await auditActions(team.id)).toEqual(['team.create']);
  });

  it.skipIf(!available)('refuses to add a deactivated user with 409', async () => {
    const username = `gone-${randomBytes(4).toString('hex')}`;
    const user = (
      await t.call('POST', '/api/v1/users', {
        body: { username, name: 'Gone', email: `${username}@example.test`, role: 'viewer' },
      })
    ).json();
    await t.call('POST', `/api/v1/users/${user.id}/deactivate`);
    const team = await newTeam();
    const response = await t.call('PUT', `/api/v1/teams/${team.id}/members/${user.id}`);
    expect(response.statusCode).toBe(409);
  });

  it.skipIf(!available)('lets viewers and responders read teams but refuses their writes with 403', async () => {
    const team = await newTeam();
    for (const role of ['viewer', 'responder'] as const) {
      const token = t.users[role].token;
      expect((await t.call('GET', `/api/v1/teams/${team.id}`, { token })).statusCode).toBe(200);
      expect((await t.call('GET', '/api/v1/teams', { token })).statusCode).toBe(200);
      const create = await t.call('POST', '/api/v1/teams', { token, body: { id: `by-${role}`, name: 'X' } });
      expect(create.statusCode).toBe(403);
      expect(create.json()).toMatchObject({ error: 'forbidden', details: { required: 'admin', actual: role } });
      expect((await t.call('PATCH', `/api/v1/teams/${team.id}`, { token, body: { name: 'X' } })).statusCode).toBe(403);
      expect((await t.call('PUT', `/api/v1/teams/${team.id}/members/${t.users[role].id}`, { token })).statusCode).toBe(
        403,
      );
      expect(
        (await t.call('DELETE', `/api/v1/teams/${team.id}/members/${t.users[role].id}`, { token })).statusCode,
      ).toBe(403);
    }
    expect(await auditActions(team.id)).toEqual(['team.create']);
  });
});
