import { Type } from 'typebox';
import { deleteSecret } from '../../execution/secrets/delete-secret.js';
import { listSecrets } from '../../execution/secrets/list-secrets.js';
import { putSecret, PutSecretInput } from '../../execution/secrets/put-secret.js';
import { ListedSecretSchema, SecretSchema, secretNamePattern } from '../../execution/secrets/secret-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['secrets'];
const NameParams = Type.Object({
  name: Type.String({ pattern: secretNamePattern, description: 'a shell variable name, as steps refer to it' }),
});

/** Secrets for steps: set (admins), list by name (never values), delete. */
export function registerSecretRoutes(app: App, { db, now, execution }: HttpDeps): void {
  app.get(
    '/api/v1/secrets',
    {
      schema: {
        tags,
        summary: 'The secrets steps can use, without their values, and the runbooks using each',
        response: { 200: Type.Array(ListedSecretSchema), ...errorResponses },
      },
    },
    async (request) => listSecrets({ ctx: ctxOf(request, db, now), services: execution }),
  );

  app.put(
    '/api/v1/secrets/:name',
    {
      schema: {
        tags,
        summary: 'Store a secret, sealed with the server key (admins)',
        params: NameParams,
        body: PutSecretInput,
        response: { 200: SecretSchema, ...errorResponses },
      },
    },
    async (request) =>
      putSecret({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, name: request.params.name },
        services: execution,
      }),
  );

  app.delete(
    '/api/v1/secrets/:name',
    {
      schema: {
        tags,
        summary: 'Delete a stored secret (admins)',
        params: NameParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSecret({ ctx: ctxOf(request, db, now), input: { name: request.params.name } });
      return reply.status(204).send(null);
    },
  );
}
