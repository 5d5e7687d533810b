import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { createApiToken } from '../../src/auth/create-api-token.js';
import { openSession } from '../../src/auth/sign-in.js';
import { sessionCookie } from '../../src/auth/session-secret.js';
import { systemCtx } from '../../src/core/context.js';
import { authPlugin } from '../../src/http/auth-plugin.js';
import { answerError } from '../../src/http/error-mapping.js';
import '../../src/http/request-context.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The plugin alone, on a bare Fastify app with a few dummy routes that answer who is calling:
 * what it lets through and what it refuses, before any real route runs.
 */
describe('the authentication plugin', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  const secrets = { admin: '', runner: '', session: '', csrf: '' };
  const ctx = () => systemCtx(test.db, () => new Date(), 'test');

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    secrets.admin = (await bootstrapDatabase(test.db)).adminToken!;
    secrets.runner = (await createApiToken({ ctx: ctx(), input: { role: 'runner', name: 'runner' } })).secret;
    const { rows } = await test.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
    const user = { id: rows[0]!.id, username: 'admin', name: 'Admin', role: 'admin' as const };
    const opened = await openSession(ctx(), user);
    secrets.session = opened.secret;
    secrets.csrf = opened.csrfToken;
    app = Fastify();
    app.setErrorHandler(answerError);
    await app.register(authPlugin, { db: test.db, now: () => new Date() });
    const whoIsCalling = (request: { actor?: { type: string } }) =>
      Promise.resolve({ actor: request.actor?.type ?? null });
    app.get('/api/v1/things', whoIsCalling);
    app.post('/api/v1/things', whoIsCalling);
    app.get('/api/v1/runner/jobs', whoIsCalling);
    app.get('/api/v1/openapi.json', whoIsCalling);
    app.get('/healthz', whoIsCalling);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.close();
  });

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers, ...(method === 'POST' ? { payload: {} } : {}) });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const cookie = () => ({ cookie: `${sessionCookie}=${secrets.session}` });

  it('lets a bearer token through and names its user as the actor', async () => {
    const answer = await call('GET', '/api/v1/things', bearer(secrets.admin));
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ actor: 'user' });
  });

  it('answers 401 with WWW-Authenticate to a request without a token or with an unknown one', async () => {
    for (const headers of [{}, bearer('ast_nothing'), { authorization: 'Basic abc' }]) {
      const answer = await call('GET', '/api/v1/things', headers);
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(answer.json()).toMatchObject({ error: 'unauthenticated' });
    }
  });

  it('confines a runner token to the runner routes, and keeps people out of them', async () => {
    expect((await call('GET', '/api/v1/runner/jobs', bearer(secrets.runner))).json()).toEqual({ actor: 'runner' });
    const outside = await call('GET', '/api/v1/things', bearer(secrets.runner));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toBe('a runner token may only claim and run steps');
    const person = await call('GET', '/api/v1/runner/jobs', bearer(secrets.admin));
    expect(person.statusCode).toBe(403);
    expect(person.json().message).toBe('these routes are for runners: use a runner token');
  });

  it('reads with the session cookie alone, but changes only with its CSRF token', async () => {
    expect((await call('GET', '/api/v1/things', cookie())).json()).toEqual({ actor: 'user' });
    const forged = await call('POST', '/api/v1/things', cookie());
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: 'forbidden', details: { required: 'X-CSRF-Token' } });
    expect((await call('POST', '/api/v1/things', { ...cookie(), 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    const made = await call('POST', '/api/v1/things', { ...cookie(), 'x-csrf-token': secrets.csrf });
    expect(made.statusCode).toBe(200);
  });

  it('prefers the Authorization header to the cookie when both come', async () => {
    const answer = await call('POST', '/api/v1/things', { ...cookie(), ...bearer(secrets.admin) });
    expect(answer.statusCode).toBe(200);
  });

  it('leaves the public paths and everything outside /api/v1 alone', async () => {
    expect((await call('GET', '/api/v1/openapi.json')).json()).toEqual({ actor: null });
    expect((await call('GET', '/healthz')).json()).toEqual({ actor: null });
    expect((await call('GET', '/api/v1/openapi.json?x=1')).statusCode).toBe(200);
  });
});
