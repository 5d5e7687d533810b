import { Type } from 'typebox';
import { createSetupLink } from '../../auth/create-setup-link.js';
import { setupLinkUrl } from '../../auth/setup-link-secret.js';
import { CheckSetupLinkInput, checkSetupLink, SetupLinkInfoSchema } from '../../auth/check-setup-link.js';
import { RedeemSetupLinkInput, redeemSetupLink } from '../../auth/redeem-setup-link.js';
import type { App, HttpDeps } from '../http-deps.js';
import { anonymousCtxOf, ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';
import { answerSignedIn, SessionSchema } from '../session-cookie.js';

/**
 * The one-time setup link (`/setup?token=…`, printed on first start or by `astreinte user
 * setup-link`): the console's page checks its token (`/check`: for whom, or why not), then posts it
 * with the chosen password. Tokens travel in request bodies, which are not logged. No
 * authentication (the token is the credential, so no CSRF token either); the answer signs the
 * person in like `/auth/sign-in`. A link unknown, used, replaced or expired answers 400 naming
 * `/token`, with `details.reason` `unknown`, `used` or `expired`. Admins (and automation holding
 * the first admin token) make new links with `POST /api/v1/users/{id}/setup-link`.
 */
export function registerSetupRoutes(app: App, { db, now, config }: HttpDeps): void {
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  app.post(
    '/api/v1/setup/check',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whom a setup link is for while it can be used (400 with the reason once it cannot)',
        security: [],
        body: CheckSetupLinkInput,
        response: { 200: SetupLinkInfoSchema, ...errorResponses },
      },
    },
    (request) => checkSetupLink({ ctx: anonymousCtxOf(request, db, now), input: request.body }),
  );
  app.post(
    '/api/v1/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose a password with a one-time setup link; signs in (sets the session cookie)',
        security: [],
        body: RedeemSetupLinkInput,
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const signedIn = await redeemSetupLink({ ctx: anonymousCtxOf(request, db, now), input: request.body });
      return answerSignedIn(reply.header('cache-control', 'no-store'), signedIn, secure);
    },
  );
  app.post(
    '/api/v1/users/:id/setup-link',
    {
      schema: {
        tags: ['users'],
        summary: 'A new one-time link (24 h) where the person chooses their password; their older links stop working',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          201: Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const link = await createSetupLink({ ctx: ctxOf(request, db, now), input: { userId: request.params.id } });
      // Without a public URL, the address this request reached is the one its caller can open.
      const consoleUrl = config.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ url: setupLinkUrl(consoleUrl, link.token), expiresAt: link.expiresAt });
    },
  );
}
