import cookie from '@fastify/cookie';
import { Type } from 'typebox';
import { authenticateSession, endSession } from '../../auth/authenticate-session.js';
import { signIn, SignInInput } from '../../auth/sign-in.js';
import { csrfTokenOf, sessionCookie, sessionMaxMs } from '../../auth/session-secret.js';
import { systemActor } from '../../core/actor.js';
import { SetUserPasswordInput, setUserPassword } from '../../users/set-user-password.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['auth'];
const SessionSchema = Type.Object({
  csrfToken: Type.String({ description: 'send as X-CSRF-Token with every change made with the session cookie' }),
  expiresAt: Type.Optional(Type.String()),
  user: Type.Object({ id: Type.String(), username: Type.Optional(Type.String()), name: Type.String(), role: Type.String() }),
});

/**
 * Sign-in for people: a password opens a session carried by an HttpOnly, SameSite=Lax cookie
 * (Secure when the public URL is https); API calls made with it need the session's CSRF token in
 * `X-CSRF-Token` for every change (checked in the authentication hook). Machines keep API tokens.
 */
export async function registerAuthRoutes(app: App, { db, now, config }: HttpDeps): Promise<void> {
  await app.register(cookie);
  const secure = config.publicUrl?.startsWith('https://') ?? false;

  app.post('/auth/sign-in', {
    schema: { tags, summary: 'Sign in with a user name and password; sets the session cookie', body: SignInInput, response: { 200: SessionSchema, ...errorResponses } },
  }, async (request, reply) => {
    const userAgent = request.headers['user-agent'];
    const ctx = { actor: systemActor, requestId: request.id, db, now, origin: { ip: request.ip, ...(userAgent === undefined ? {} : { userAgent }) } };
    const signedIn = await signIn({ ctx, input: request.body });
    reply.setCookie(sessionCookie, signedIn.secret, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: sessionMaxMs / 1000 });
    return { csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt, user: signedIn.user };
  });

  app.get('/auth/session', {
    schema: { tags, summary: 'The signed-in person and the CSRF token of their session', response: { 200: SessionSchema, ...errorResponses } },
  }, async (request) => {
    const secret = request.cookies[sessionCookie] ?? '';
    const actor = await authenticateSession(db, secret, now());
    return { csrfToken: csrfTokenOf(secret), user: { id: actor.id, name: actor.name, role: actor.role } };
  });

  app.post('/auth/sign-out', { schema: { tags, summary: 'End the session', response: { 204: Type.Null() } } }, async (request, reply) => {
    const secret = request.cookies[sessionCookie];
    if (secret !== undefined) await endSession({ actor: systemActor, requestId: request.id, db, now, origin: { ip: request.ip } }, secret);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send(null);
  });

  app.put('/api/v1/users/:id/password', {
    schema: { tags: ['users'], summary: 'Set a password: one\'s own (with the current one), or anyone\'s (admin)', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: SetUserPasswordInput, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await setUserPassword({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } });
    return reply.status(204).send(null);
  });
}
