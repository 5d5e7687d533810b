import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(testBackends)('API tokens on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  async function newUser(role: string): Promise<string> {
    const username = `tok-${randomBytes(4).toString('hex')}`;
    const response = await t.call('POST', '/api/v1/users', {
      body: { username, name: username, email: `${username}@example.test`, role },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const { rows } = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'api_token' AND target_id = $1 ORDER BY id`,
      [targetId],
    );
    return rows.map((r) => r.action);
  }

  it.skipIf(!available)(
    'issues a token whose secret works at once and is shown only in the creation answer',
    async () => {
      const userId = await newUser('responder');
      const response = await t.call('POST', '/api/v1/tokens', { body: { userId, name: 'laptop', role: 'responder' } });
      expect(response.statusCode, response.body).toBe(201);
      const { token, secret } = response.json();
      expect(secret).toMatch(/^ast_/);
      expect(token).toMatchObject({
        userId,
        name: 'laptop',
        role: 'responder',
        prefix: secret.slice(0, 10),
        revokedAt: null,
        expiresAt: null,
      });
      const me = await t.call('GET', '/api/v1/me', { token: secret });
      expect(me.statusCode).toBe(200);
      expect(me.json().id).toBe(userId);
      const listed = await t.call('GET', `/api/v1/tokens?userId=${userId}`);
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toHaveLength(1);
      expect(listed.json()[0].id).toBe(token.id);
      expect(listed.body).not.toContain(secret);
      expect(await auditActions(token.id)).toEqual(['api_token.create']);
    },
  );

  it.skipIf(!available)("lists every user's tokens when no user is named", async () => {
    const all = (await t.call('GET', '/api/v1/tokens')).json();
    const owners = new Set(all.map((token: { userId: string }) => token.userId));
    for (const role of ['admin', 'viewer', 'responder'] as const) expect(owners).toContain(t.users[role].id);
  });

  it.skipIf(!available)(
    'turns a revoked token away with 401 on its next call and records api_token.revoke',
    async () => {
      const userId = await newUser('viewer');
      const { token, secret } = (
        await t.call('POST', '/api/v1/tokens', { body: { userId, name: 'to revoke', role: 'viewer' } })
      ).json();
      expect((await t.call('GET', '/api/v1/incidents', { token: secret })).statusCode).toBe(200);
      const revoked = await t.call('POST', `/api/v1/tokens/${token.id}/revoke`);
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json().revokedAt).not.toBeNull();
      const refused = await t.call('GET', '/api/v1/incidents', { token: secret });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error).toBe('unauthenticated');
      const again = await t.call('POST', `/api/v1/tokens/${token.id}/revoke`);
      expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
      expect(await auditActions(token.id)).toEqual(['api_token.create', 'api_token.revoke', 'api_token.revoke']);
    },
  );

  it.skipIf(!available)("refuses a token whose role exceeds its owner's role with 400 at /role", async () => {
    const userId = await newUser('responder');
    const response = await t.call('POST', '/api/v1/tokens', { body: { userId, name: 'too strong', role: 'admin' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe('/role');
    const weaker = await t.call('POST', '/api/v1/tokens', { body: { userId, name: 'weaker', role: 'viewer' } });
    expect(weaker.statusCode).toBe(201);
  });

  it.skipIf(!available)('refuses tokens for unknown or deactivated users with 400 at /userId', async () => {
    const unknown = await t.call('POST', '/api/v1/tokens', { body: { userId: unknownId, name: 'x', role: 'viewer' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.issues[0].path).toBe('/userId');
    const userId = await newUser('viewer');
    await t.call('POST', `/api/v1/users/${userId}/deactivate`);
    const deactivated = await t.call('POST', '/api/v1/tokens', { body: { userId, name: 'x', role: 'viewer' } });
    expect(deactivated.statusCode).toBe(400);
    expect(deactivated.json().details.issues[0].path).toBe('/userId');
  });

  it.skipIf(!available)('answers 400 naming the field for malformed token requests', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['POST', { userId: 'nope', name: 'x', role: 'viewer' }, '/userId'],
      ['POST', { userId: t.users.viewer.id, name: 'x', role: 'root' }, '/role'],
      ['POST', { userId: t.users.viewer.id, name: 'x', role: 'viewer', secret: 'mine' }, '/secret'],
    ];
    for (const [method, body, path] of cases) {
      const response = await t.call(method, '/api/v1/tokens', { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const badQuery = await t.call('GET', '/api/v1/tokens?userId=nope');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().details.issues[0].path).toBe('/querystring/userId');
    const badId = await t.call('POST', '/api/v1/tokens/nope/revoke');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details.issues[0].path).toBe('/params/id');
  });

  it.skipIf(!available)('answers 404 when revoking an unknown token', async () => {
    const response = await t.call('POST', `/api/v1/tokens/${unknownId}/revoke`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', details: { entity: 'api token', id: unknownId } });
  });

  it.skipIf(!available)('refuses token administration to responders and viewers with 403', async () => {
    const { token } = (
      await t.call('POST', '/api/v1/tokens', { body: { userId: t.users.viewer.id, name: 'spare', role: 'viewer' } })
    ).json();
    for (const role of ['viewer', 'responder'] as const) {
      const caller = t.users[role].token;
      const create = await t.call('POST', '/api/v1/tokens', {
        token: caller,
        body: { userId: t.users[role].id, name: 'self-made', role },
      });
      expect(create.statusCode).toBe(403);
      expect((await t.call('GET', '/api/v1/tokens', { token: caller })).statusCode).toBe(403);
      expect((await t.call('POST', `/api/v1/tokens/${token.id}/revoke`, { token: caller })).statusCode).toBe(403);
    }
    expect(await auditActions(token.id)).toEqual(['api_token.create']);
  });
});
