import { Type } from 'typebox';
import { createIntegration, CreateIntegrationInput } from '../../alerts/integrations/create-integration.js';
import { listIntegrations } from '../../alerts/integrations/list-integrations.js';
import { updateIntegration, UpdateIntegrationInput } from '../../alerts/integrations/update-integration.js';
import { IntegrationKindInfoSchema, IntegrationSchema } from '../../alerts/integration-model.js';
import { listIntegrationKinds } from '../../alerts/integrations/list-integration-kinds.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['integrations'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const WithKey = Type.Object({
  integration: IntegrationSchema,
  key: Type.Union([Type.String(), Type.Null()], { description: 'shown once: when created or rotated' }),
});

/** Ways in for alerts: admins create them (the key is shown once), change, disable and rotate them. */
export function registerIntegrationRoutes(app: App, { db, now, alerts }: HttpDeps): void {
  app.post(
    '/api/v1/integrations',
    {
      schema: {
        tags,
        summary: 'Create an integration (admin); its key is in the answer, and only there',
        body: CreateIntegrationInput,
        response: { 201: WithKey, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createIntegration({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/integrations',
    {
      schema: {
        tags,
        summary: 'List integrations, by name (keys never shown)',
        response: { 200: Type.Array(IntegrationSchema), ...errorResponses },
      },
    },
    async (request) => listIntegrations({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/integrations/kinds',
    {
      schema: {
        tags,
        summary: 'List the kinds an integration can be, where their senders call and the settings each needs',
        response: { 200: Type.Array(IntegrationKindInfoSchema), ...errorResponses },
      },
    },
    (request) => listIntegrationKinds({ ctx: ctxOf(request, db, now) }),
  );

  app.patch(
    '/api/v1/integrations/:id',
    {
      schema: {
        tags,
        summary: 'Change an integration (admin): name, service, settings, disabled, or a new key',
        params: IdParams,
        body: UpdateIntegrationInput,
        response: { 200: WithKey, ...errorResponses },
      },
    },
    async (request) => {
      const result = await updateIntegration({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, id: request.params.id },
      });
      alerts.keys.forget();
      return result;
    },
  );
}
