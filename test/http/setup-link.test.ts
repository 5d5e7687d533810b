import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSetupLink } from '../../src/auth/create-setup-link.js';
import { systemCtx } from '../../src/core/context.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const day = 24 * 3_600_000;

describe.each(testBackends)('one-time setup links on $backend', ({ backend, available }) => {
  // The app's clock and the one links are made with: moved by hand to reach expiry.
  let clock = new Date('2026-03-02T09:00:00Z');
  const now = (): Date => clock;
  const t = useTestApp(backend, available, { now });

  /** A new user without a password, and a setup link for them made at `clock`. */
  async function newUserWithLink(): Promise<{ id: string; username: string; token: string }> {
    const username = `setup-${randomBytes(4).toString('hex')}`;
    const created = await t.call('POST', '/api/v1/users', {
      body: { username, name: `User ${username}`, email: `${username}@example.test`, role: 'responder' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const { token } = await createSetupLink({ ctx: systemCtx(t.db, now, 'test'), input: { userId: id } });
    return { id, username, token };
  }

  const redeem = (token: string, password: string) =>
    t.call('POST', '/api/v1/setup', { token: null, body: { token, password } });
  const reasonOf = (answer: { json<T>(): T }): unknown =>
    answer.json<{ details: { reason?: string } }>().details.reason;

  it.skipIf(!available)(
    'sets the password without any token, signs the person in, and the password then signs in',
    async () => {
      const user = await newUserWithLink();
      const answer = await redeem(user.token, 'a password chosen in the browser');
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toMatchObject({ user: { id: user.id, username: user.username, role: 'responder' } });
      const cookie = String(answer.headers['set-cookie']).split(';')[0]!;
      expect(cookie).toMatch(/^astreinte_session=./);
      const me = await t.app.inject({ method: 'GET', url: '/auth/session', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/auth/sign-in',
        payload: { username: user.username, password: 'a password chosen in the browser' },
      });
      expect(signIn.statusCode).toBe(200);
      const { rows } = await t.db.query<{ action: string; details: Record<string, unknown> }>(
        `SELECT action, details FROM audit_log WHERE actor_id = $1 ORDER BY id`,
        [user.id],
      );
      expect(rows[0]).toMatchObject({ action: 'session.create', details: { method: 'setup_link', passwordSet: true } });
    },
  );

  it.skipIf(!available)('works once: the same link again answers 400 with the reason used', async () => {
    const user = await newUserWithLink();
    expect((await redeem(user.token, 'the first password set')).statusCode).toBe(200);
    const again = await redeem(user.token, 'somebody else trying later');
    expect(again.statusCode).toBe(400);
    expect(reasonOf(again)).toBe('used');
    expect(again.json<{ details: { issues: { path: string }[] } }>().details.issues[0]!.path).toBe('/token');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      payload: { username: user.username, password: 'somebody else trying later' },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it.skipIf(!available)('expires after a day: refused with the reason expired a day later', async () => {
    const user = await newUserWithLink();
    const madeAt = clock;
    try {
      clock = new Date(madeAt.getTime() + day);
      const late = await redeem(user.token, 'a password too late');
      expect(late.statusCode).toBe(400);
      expect(reasonOf(late)).toBe('expired');
      clock = new Date(madeAt.getTime() + day - 1000);
      expect((await redeem(user.token, 'a password just in time')).statusCode).toBe(200);
    } finally {
      clock = madeAt;
    }
  });

  it.skipIf(!available)('refuses an unknown token and a short password, leaving the link usable', async () => {
    const user = await newUserWithLink();
    const unknown = await redeem(`${user.token}x`, 'a long enough password');
    expect(unknown.statusCode).toBe(400);
    expect(reasonOf(unknown)).toBe('unknown');
    const short = await redeem(user.token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('/password');
    expect((await redeem(user.token, 'a long enough password')).statusCode).toBe(200);
  });

  it.skipIf(!available)('lets only the newest link of a person work', async () => {
    const user = await newUserWithLink();
    const newer = await createSetupLink({ ctx: systemCtx(t.db, now, 'test'), input: { userId: user.id } });
    const old = await redeem(user.token, 'from the older link');
    expect(old.statusCode).toBe(400);
    expect(reasonOf(old)).toBe('used');
    expect((await redeem(newer.token, 'from the newer link')).statusCode).toBe(200);
  });

  it.skipIf(!available)('tells whom a link is for while it works, and why not once used', async () => {
    const user = await newUserWithLink();
    const check = () => t.call('POST', '/api/v1/setup/check', { token: null, body: { token: user.token } });
    const before = await check();
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual({
      username: user.username,
      name: `User ${user.username}`,
      expiresAt: new Date(clock.getTime() + day).toISOString(),
    });
    expect((await redeem(user.token, 'the password after checking')).statusCode).toBe(200);
    const after = await check();
    expect(after.statusCode).toBe(400);
    expect(reasonOf(after)).toBe('used');
  });

  it.skipIf(!available)('gives an admin a new link over the API, and refuses it to a responder', async () => {
    const user = await newUserWithLink();
    const path = `/api/v1/users/${user.id}/setup-link`;
    expect((await t.call('POST', path, { token: t.users.responder.token })).statusCode).toBe(403);
    const made = await t.call('POST', path, { headers: { host: 'oncall.example.test:8080' } });
    expect(made.statusCode, made.body).toBe(201);
    const { url } = made.json<{ url: string }>();
    expect(url).toMatch(/^http:\/\/oncall\.example\.test:8080\/setup\?token=asu_/);
    expect(reasonOf(await redeem(user.token, 'from the replaced link'))).toBe('used');
    const token = new URL(url).searchParams.get('token')!;
    expect((await redeem(token, 'from the link the API made')).statusCode).toBe(200);
  });
});
