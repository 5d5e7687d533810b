import { Type } from 'typebox';
import { ApiTokenSchema } from '../../auth/api-token-model.js';
import { createApiToken, CreateApiTokenInput } from '../../auth/create-api-token.js';
import { listApiTokens } from '../../auth/list-api-tokens.js';
import { revokeApiToken } from '../../auth/revoke-api-token.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['tokens'];

const CreatedTokenSchema = Type.Object(
  { token: ApiTokenSchema, secret: Type.String({ description: 'the bearer secret: shown this once, never again' }) },
  { title: 'CreatedApiToken' },
);
// list-api-tokens.ts declares no query schema of its own; this one mirrors its input.
const ListTokensQuery = Type.Object(
  { userId: Type.Optional(Type.String({ format: 'uuid', description: "only this user's tokens" })) },
  { additionalProperties: false },
);
// Token ids are uuids: anything else is refused here rather than reaching SQL as a cast error.
const TokenIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** API tokens (admin): issue, list, revoke. */
export function registerTokenRoutes(app: App, { db, now }: HttpDeps): void {
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Issue an API token; the secret is shown once',
        body: CreateApiTokenInput,
        response: { 201: CreatedTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'List tokens (never their secrets), oldest first',
        querystring: ListTokensQuery,
        response: { 200: Type.Array(ApiTokenSchema), ...errorResponses },
      },
    },
    async (request) => listApiTokens({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.post(
    '/api/v1/tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a token at once',
        params: TokenIdParams,
        response: { 200: ApiTokenSchema, ...errorResponses },
      },
    },
    async (request) => revokeApiToken({ ctx: ctxOf(request, db, now), input: request.params }),
  );
}
