import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(testBackends)('users API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  /** A new user with a unique username, created through the API. */
  async function newUser(
    fields: Record<string, unknown> = {},
  ): Promise<{ id: string; username: string; email: string }> {
    const username = `u-${randomBytes(4).toString('hex')}`;
    const response = await t.call('POST', '/api/v1/users', {
      body: { username, name: `User ${username}`, email: `${username}@example.test`, role: 'responder', ...fields },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function tokenFor(userId: string, role: string): Promise<string> {
    const response = await t.call('POST', '/api/v1/tokens', { body: { userId, name: 'test', role } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().secret;
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const { rows } = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = $1 ORDER BY id`,
      [targetId],
    );
    return rows.map((r) => r.action);
  }

  it.skipIf(!available)('creates a user, reads it back and records user.create in the audit log', async () => {
    const created = await t.call('POST', '/api/v1/users', {
      body: {
        username: 'jdoe',
        name: 'Jane Doe',
        email: 'jane@example.test',
        phone: '+33 6 12 34 56 78',
        chatHandle: '@jane',
        role: 'responder',
        timeZone: 'europe/paris',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      username: 'jdoe',
      name: 'Jane Doe',
      email: 'jane@example.test',
      phone: '+33 6 12 34 56 78',
      chatHandle: '@jane',
      role: 'responder',
      timeZone: 'Europe/Paris',
      deactivatedAt: null,
    });
    expect(user.createdAt).toBe(user.updatedAt);
    const read = await t.call('GET', `/api/v1/users/${user.id}`, { token: t.users.viewer.token });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(user);
    expect(await auditActions(user.id)).toEqual(['user.create']);
  });

  it.skipIf(!available)('defaults the time zone to UTC and leaves phone and chat handle empty', async () => {
    const user = await newUser();
    expect(user).toMatchObject({ timeZone: 'UTC', phone: null, chatHandle: null });
  });

  it.skipIf(!available)(
    'lists users by username, filtered by role, leaving deactivated users out unless asked',
    async () => {
      const viewer = await newUser({ role: 'viewer', username: `zz-list-${randomBytes(3).toString('hex')}` });
      const gone = await newUser({ role: 'viewer' });
      expect((await t.call('POST', `/api/v1/users/${gone.id}/deactivate`)).statusCode).toBe(200);
      const viewers = (await t.call('GET', '/api/v1/users?role=viewer', { token: t.users.viewer.token })).json();
      const names = viewers.items.map((u: { username: string }) => u.username);
      expect(names).toContain(viewer.username);
      expect(names).toContain('viewer');
      expect(names).not.toContain(gone.username);
      expect(names).toEqual([...names].sort());
      expect(viewers.total).toBe(viewers.items.length);
      expect(viewers.items.every((u: { role: string }) => u.role === 'viewer')).toBe(true);
      const all = (await t.call('GET', '/api/v1/users?role=viewer&includeDeactivated=true')).json();
      expect(all.items.map((u: { username: string }) => u.username)).toContain(gone.username);
      expect(all.total).toBe(viewers.total + 1);
      const several = (await t.call('GET', '/api/v1/users?role=admin&role=responder')).json();
      expect(several.items.every((u: { role: string }) => u.role !== 'viewer')).toBe(true);
      const page = (await t.call('GET', '/api/v1/users?limit=1&offset=1')).json();
      expect(page.items).toHaveLength(1);
    },
  );

  it.skipIf(!available)("updates a user's details and role, and records user.update", async () => {
    const user = await newUser();
    const response = await t.call('PATCH', `/api/v1/users/${user.id}`, {
      body: { name: 'Renamed', phone: '+1 555 0100', timeZone: 'America/New_York', role: 'viewer' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Renamed',
      phone: '+1 555 0100',
      timeZone: 'America/New_York',
      role: 'viewer',
      email: user.email,
    });
    const cleared = await t.call('PATCH', `/api/v1/users/${user.id}`, { body: { phone: null } });
    expect(cleared.json().phone).toBeNull();
    expect(await auditActions(user.id)).toEqual(['user.create', 'user.update', 'user.update']);
  });

  it.skipIf(!available)("lowers the roles of a user's tokens when their role is lowered", async () => {
    const user = await newUser({ role: 'admin' });
    const token = await tokenFor(user.id, 'admin');
    expect((await t.call('GET', '/api/v1/tokens', { token })).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/users/${user.id}`, { body: { role: 'viewer' } })).statusCode).toBe(200);
    const refused = await t.call('GET', '/api/v1/tokens', { token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().details).toMatchObject({ actual: 'viewer' });
  });

  it.skipIf(!available)(
    "lets users change their own details but not their own role, nor anyone else's details",
    async () => {
      const user = await newUser({ role: 'viewer' });
      const token = await tokenFor(user.id, 'viewer');
      const own = await t.call('PATCH', `/api/v1/users/${user.id}`, {
        token,
        body: { chatHandle: '@me', timeZone: 'Asia/Tokyo' },
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ chatHandle: '@me', timeZone: 'Asia/Tokyo', role: 'viewer' });
      const promote = await t.call('PATCH', `/api/v1/users/${user.id}`, { token, body: { role: 'admin' } });
      expect(promote.statusCode).toBe(403);
      const other = await t.call('PATCH', `/api/v1/users/${t.users.responder.id}`, {
        token,
        body: { name: 'Hijacked' },
      });
      expect(other.statusCode).toBe(403);
      expect((await t.call('GET', `/api/v1/users/${user.id}`)).json().role).toBe('viewer');
    },
  );

  it.skipIf(!available)('refuses an admin changing their own role with 409', async () => {
    const response = await t.call('PATCH', `/api/v1/users/${t.users.admin.id}`, { body: { role: 'viewer' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().details).toMatchObject({ field: 'role' });
  });

  it.skipIf(!available)(
    'answers 400 naming the field for a bad e-mail, an unknown time zone, a bad username and an unknown field',
    async () => {
      const base = { username: 'valid-name', name: 'Valid', email: 'valid@example.test', role: 'viewer' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, email: 'not-an-email' }, '/email'],
        [{ ...base, timeZone: 'Mars/Olympus_Mons' }, '/timeZone'],
        [{ ...base, username: 'Bad Name' }, '/username'],
        [{ ...base, role: 'superuser' }, '/role'],
        [{ ...base, password: 'secret' }, '/password'],
      ];
      for (const [body, path] of cases) {
        const response = await t.call('POST', '/api/v1/users', { body });
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
      }
      const user = await newUser();
      const badZone = await t.call('PATCH', `/api/v1/users/${user.id}`, { body: { timeZone: 'Nowhere/Land' } });
      expect(badZone.statusCode).toBe(400);
      expect(badZone.json().details.issues[0].path).toBe('/timeZone');
      const badEmail = await t.call('PATCH', `/api/v1/users/${user.id}`, { body: { email: 'nope' } });
      expect(badEmail.json().details.issues[0].path).toBe('/email');
      const nothing = await t.call('PATCH', `/api/v1/users/${user.id}`, { body: {} });
      expect(nothing.statusCode).toBe(400);
      expect((await t.call('GET', '/api/v1/users?colour=blue')).statusCode).toBe(400);
      expect(await auditActions(user.id)).toEqual(['user.create']);
    },
  );

  it.skipIf(!available)('answers 409 naming the field for a duplicate username or e-mail', async () => {
    const user = await newUser();
    const sameName = await t.call('POST', '/api/v1/users', {
      body: { username: user.username, name: 'Other', email: 'other-dup@example.test', role: 'viewer' },
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({ error: 'conflict', details: { field: 'username' } });
    const sameEmail = await t.call('POST', '/api/v1/users', {
      body: { username: 'other-dup', name: 'Other', email: user.email.toUpperCase(), role: 'viewer' },
    });
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json().details).toMatchObject({ field: 'email' });
    const other = await newUser();
    const takeEmail = await t.call('PATCH', `/api/v1/users/${other.id}`, { body: { email: user.email } });
    expect(takeEmail.statusCode).toBe(409);
    expect(takeEmail.json().details).toMatchObject({ field: 'email' });
    const keepOwn = await t.call('PATCH', `/api/v1/users/${other.id}`, { body: { email: other.email.toUpperCase() } });
    expect(keepOwn.statusCode, keepOwn.body).toBe(200);
  });

  it.skipIf(!available)('refuses admin writes from responders and viewers with 403', async () => {
    const user = await newUser();
    for (const role of ['viewer', 'responder'] as const) {
      const token = t.users[role].token;
      const create = await t.call('POST', '/api/v1/users', {
        token,
        body: { username: `by-${role}`, name: 'X', email: `by-${role}@example.test`, role: 'viewer' },
      });
      expect(create.statusCode).toBe(403);
      expect(create.json()).toMatchObject({ error: 'forbidden', details: { required: 'admin', actual: role } });
      expect((await t.call('PATCH', `/api/v1/users/${user.id}`, { token, body: { name: 'X' } })).statusCode).toBe(403);
      expect((await t.call('POST', `/api/v1/users/${user.id}/deactivate`, { token })).statusCode).toBe(403);
    }
    expect((await t.call('GET', `/api/v1/users/${user.id}`)).json().deactivatedAt).toBeNull();
  });

  it.skipIf(!available)('answers 404 for unknown user ids', async () => {
    for (const id of [unknownId, 'not-a-uuid']) {
      const read = await t.call('GET', `/api/v1/users/${id}`);
      expect(read.statusCode).toBe(404);
      expect(read.json()).toMatchObject({ error: 'not_found', details: { entity: 'user', id } });
      expect((await t.call('PATCH', `/api/v1/users/${id}`, { body: { name: 'X' } })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/v1/users/${id}/deactivate`)).statusCode).toBe(404);
    }
  });

  it.skipIf(!available)('deactivates a user, revoking their tokens so their next call gets 401', async () => {
    const user = await newUser();
    const token = await tokenFor(user.id, 'responder');
    expect((await t.call('GET', '/api/v1/me', { token })).statusCode).toBe(200);
    const response = await t.call('POST', `/api/v1/users/${user.id}/deactivate`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().deactivatedAt).not.toBeNull();
    expect((await t.call('GET', '/api/v1/me', { token })).statusCode).toBe(401);
    const tokens = (await t.call('GET', `/api/v1/tokens?userId=${user.id}`)).json();
    expect(tokens).toHaveLength(1);
    expect(tokens[0].revokedAt).not.toBeNull();
    const again = await t.call('POST', `/api/v1/users/${user.id}/deactivate`);
    expect(again.json().deactivatedAt).toBe(response.json().deactivatedAt);
    expect((await t.call('PATCH', `/api/v1/users/${user.id}`, { body: { name: 'Ghost' } })).statusCode).toBe(409);
    expect(await auditActions(user.id)).toEqual(['user.create', 'user.deactivate']);
  });

  it.skipIf(!available)('refuses to let an admin deactivate themself with 409', async () => {
    const response = await t.call('POST', `/api/v1/users/${t.users.admin.id}/deactivate`);
    expect(response.statusCode).toBe(409);
    expect((await t.call('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it.skipIf(!available)('tells every caller who they are at /me', async () => {
    const me = await t.call('GET', '/api/v1/me', { token: t.users.viewer.token });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: t.users.viewer.id, username: 'viewer', role: 'viewer' });
    expect((await t.call('GET', '/api/v1/me')).json().username).toBe('admin');
    expect((await t.call('GET', '/api/v1/me', { token: null })).statusCode).toBe(401);
  });
});
