import { describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-database.js';
import { useTestApp } from '../support/test-app.js';

describe.each(testBackends)('signing in with a password on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);
  const password = 'correct horse battery staple';

  const signIn = (username: string, pass: string) =>
    t.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { username, password: pass } });
  const cookieOf = (response: { headers: Record<string, unknown> }): string =>
    String(response.headers['set-cookie']).split(';')[0]!;

  it.skipIf(!available)(
    'lets an admin set a password, refusing short ones, and stores only a scrypt hash',
    async () => {
      const short = await t.call('PUT', `/api/v1/users/${t.users.responder.id}/password`, {
        body: { password: 'short' },
      });
      expect(short.statusCode).toBe(400);
      expect(
        (
          await t.call('PUT', `/api/v1/users/${t.users.responder.id}/password`, {
            body: { password },
            token: t.users.viewer.token,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await t.call('PUT', `/api/v1/users/${t.users.responder.id}/password`, { body: { password } })).statusCode,
      ).toBe(204);
      const { rows } = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
        t.users.responder.id,
      ]);
      expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(rows[0]!.password_hash).not.toContain(password);
    },
  );

  it.skipIf(!available)(
    'answers the same 401 for a wrong password, an unknown user and a user without password',
    async () => {
      const answers = await Promise.all([
        signIn('responder', 'wrong password!'),
        signIn('nobody', password),
        signIn('viewer', password),
      ]);
      expect(answers.map((answer) => answer.statusCode)).toEqual([401, 401, 401]);
      expect(new Set(answers.map((answer) => answer.json<{ message: string }>().message)).size).toBe(1);
      expect(answers.every((answer) => answer.headers['set-cookie'] === undefined)).toBe(true);
    },
  );

  it.skipIf(!available)('opens a session in an HttpOnly cookie whose changes need the CSRF token', async () => {
    const answer = await signIn('Responder', password);
    expect(answer.statusCode).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/^astreinte_session=[^;]+;.*HttpOnly.*SameSite=Lax/);
    const { csrfToken, user } = answer.json<{ csrfToken: string; user: { name: string; role: string } }>();
    expect(user).toMatchObject({ name: 'Test responder', role: 'responder' });
    const cookie = cookieOf(answer);
    const { rows } = await t.db.query<{ secret_hash: string }>('SELECT secret_hash FROM sessions');
    expect(rows.some((row) => cookie.includes(row.secret_hash))).toBe(false);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie } })).statusCode).toBe(200);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { cookie },
      payload: { title: 'From another site', severity: 'P3' },
    });
    expect(forged.statusCode).toBe(403);
    const declared = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { title: 'From the console', severity: 'P3' },
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const { rows: audit } = await t.db.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_log WHERE action = 'incident.declare' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.actor_name).toBe('Test responder');
    const session = await t.app.inject({ method: 'GET', url: '/auth/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ csrfToken, user: { role: 'responder' } });

    expect((await t.app.inject({ method: 'POST', url: '/auth/sign-out', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie } })).statusCode).toBe(401);
  });

  it.skipIf(!available)("asks for the current password to change one's own, and ends the other sessions", async () => {
    const first = cookieOf(await signIn('responder', password));
    const second = await signIn('responder', password);
    const secondCookie = cookieOf(second);
    const csrf = second.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie: secondCookie, 'x-csrf-token': csrf };
    const url = `/api/v1/users/${t.users.responder.id}/password`;
    const without = await t.app.inject({
      method: 'PUT',
      url,
      headers,
      payload: { password: 'another long passphrase' },
    });
    expect(without.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'PUT',
      url,
      headers,
      payload: { password: 'another long passphrase', currentPassword: password },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie: first } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie: secondCookie } })).statusCode,
    ).toBe(200);
    expect((await signIn('responder', password)).statusCode).toBe(401);
    expect((await signIn('responder', 'another long passphrase')).statusCode).toBe(200);
  });
});
