import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { authenticateSession, endSession } from '../../auth/authenticate-session.js';
import { finishOidcSignIn } from '../../auth/oidc/finish-oidc-sign-in.js';
import { OidcClient } from '../../auth/oidc/oidc-client.js';
import { oidcRefusal, oidcRefusalReasonOf } from '../../auth/oidc/oidc-refusal.js';
import { oidcSettingsOf } from '../../auth/oidc/oidc-settings.js';
import { oidcAttemptCookie, oidcAttemptMs, safeNextPath, startOidcSignIn } from '../../auth/oidc/start-oidc-sign-in.js';
import { signIn, SignInInput } from '../../auth/sign-in.js';
import { csrfTokenOf, sessionCookie } from '../../auth/session-secret.js';
import { AppError } from '../../core/app-error.js';
import { systemCtx, type Ctx } from '../../core/context.js';
import { SetUserPasswordInput, setUserPassword } from '../../users/set-user-password.js';
import type { App, HttpDeps } from '../http-deps.js';
import { anonymousCtxOf, ctxOf } from '../request-context.js';
import { answerSignedIn, SessionSchema, setSessionCookie } from '../session-cookie.js';
import { errorResponses } from '../schemas.js';

const tags = ['auth'];
const MethodsSchema = Type.Object({
  password: Type.Boolean(),
  oidc: Type.Union(
    [
      Type.Object({
        label: Type.String({ description: "the provider's name for the button" }),
        startUrl: Type.String(),
      }),
      Type.Null(),
    ],
    { description: 'null: single sign-on is off' },
  ),
});
/** The query string as sent: a repeated or odd parameter must not turn a redirect into a JSON 400. */
const rawQuery = (request: FastifyRequest): URLSearchParams => {
  const at = request.url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : request.url.slice(at + 1));
};

/**
 * Sign-in for people: a password, or single sign-on through an OpenID Connect provider when one
 * is configured (`/auth/oidc/start` → provider → `/auth/oidc/callback`), opens a session carried
 * by an HttpOnly, SameSite=Lax cookie (Secure when the public URL is https); API calls made with
 * it need the session's CSRF token in `X-CSRF-Token` for every change (checked in the
 * authentication hook). Machines keep API tokens.
 */
export async function registerAuthRoutes(app: App, { db, now, config }: HttpDeps): Promise<void> {
  await app.register(cookie);
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  const oidcSettings = oidcSettingsOf(config);
  const oidc = oidcSettings === null ? null : new OidcClient(oidcSettings, now);
  const anonymousCtx = (request: FastifyRequest): Ctx => anonymousCtxOf(request, db, now);
  /** Every failed single sign-on lands on the sign-in page with a reason it can put in words, never a stack trace. */
  const toSignInPage = (request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply => {
    const reason = oidcRefusalReasonOf(error);
    if (reason === null) request.log.error({ err: error }, 'single sign-on failed');
    else request.log.warn({ reason, detail: (error as AppError).message }, 'single sign-on refused');
    const next = error instanceof AppError && typeof error.details['next'] === 'string' ? error.details['next'] : '/';
    const query = new URLSearchParams({ error: reason ?? 'oidc_failed', ...(next === '/' ? {} : { next }) });
    return reply.header('cache-control', 'no-store').redirect(`/sign-in?${query.toString()}`, 302);
  };

  app.get(
    '/auth/methods',
    {
      schema: {
        tags,
        summary: 'How people may sign in: password, and single sign-on with its button label when configured',
        response: { 200: MethodsSchema },
      },
    },
    () =>
      Promise.resolve({
        password: true,
        oidc: oidc === null ? null : { label: oidc.settings.buttonLabel, startUrl: '/auth/oidc/start' },
      }),
  );

  app.get(
    '/auth/oidc/start',
    {
      schema: {
        tags,
        summary:
          'Start single sign-on (OpenID Connect): redirects to the provider; ?next=/path is where to land afterwards',
      },
    },
    async (request, reply) => {
      try {
        if (oidc === null) throw oidcRefusal('oidc_disabled', 'single sign-on is not configured');
        const next = rawQuery(request).get('next') ?? undefined;
        const started = await startOidcSignIn({
          ctx: anonymousCtx(request),
          client: oidc,
          input: next === undefined ? {} : { next },
        });
        reply.setCookie(oidcAttemptCookie, started.cookieSecret, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          maxAge: oidcAttemptMs / 1000,
        });
        return await reply.header('cache-control', 'no-store').redirect(started.authorizationUrl, 302);
      } catch (error) {
        const next = safeNextPath(rawQuery(request).get('next') ?? undefined);
        if (error instanceof AppError && next !== '/') error.details['next'] = next;
        return toSignInPage(request, reply, error);
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags,
        summary:
          'Where the provider sends people back: validates the answer, opens the session, redirects to where they were going',
      },
    },
    async (request, reply) => {
      const cookieSecret = request.cookies[oidcAttemptCookie];
      // Used or not, the attempt is over: its cookie goes (SameSite=Lax lets it come with the
      // provider's top-level redirect, which Strict would not).
      reply.clearCookie(oidcAttemptCookie, { path: '/' });
      try {
        if (oidc === null) throw oidcRefusal('oidc_disabled', 'single sign-on is not configured');
        const signedIn = await finishOidcSignIn({
          ctx: anonymousCtx(request),
          client: oidc,
          input: { cookieSecret, query: rawQuery(request) },
        });
        setSessionCookie(reply, signedIn.secret, secure);
        return await reply.header('cache-control', 'no-store').redirect(signedIn.next, 302);
      } catch (error) {
        return toSignInPage(request, reply, error);
      }
    },
  );

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with a user name and password; sets the session cookie',
        body: SignInInput,
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      return answerSignedIn(reply, await signIn({ ctx: anonymousCtx(request), input: request.body }), secure);
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in person and the CSRF token of their session',
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const secret = request.cookies[sessionCookie] ?? '';
      const actor = await authenticateSession(db, secret, now());
      return { csrfToken: csrfTokenOf(secret), user: { id: actor.id, name: actor.name, role: actor.role } };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: 'End the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const secret = request.cookies[sessionCookie];
      if (secret !== undefined) await endSession(systemCtx(db, now, request.id, { ip: request.ip }), secret);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: "Set a password: one's own (with the current one), or anyone's (admin)",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: SetUserPasswordInput,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await setUserPassword({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } });
      return reply.status(204).send(null);
    },
  );
}
