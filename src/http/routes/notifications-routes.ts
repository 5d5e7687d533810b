import { Type } from 'typebox';
import { ChannelIdSchema, ChannelRecordSchema, PutChannelInput } from '../../notifications/store/channel-record.js';
import { listChannels } from '../../notifications/store/list-channels.js';
import { deleteChannel } from '../../notifications/store/delete-channel.js';
import { ChannelTestSchema, testChannel } from '../../notifications/store/test-channel.js';
import { ChannelKindInfoSchema, listChannelKinds } from '../../notifications/list-channel-kinds.js';
import { DeliverySchema, listDeliveries, ListDeliveriesInput } from '../../notifications/store/list-deliveries.js';
import { replayDelivery } from '../../notifications/store/replay-delivery.js';
import { putChannel } from '../../notifications/store/put-channel.js';
import { putTemplate, StoredTemplateSchema } from '../../notifications/store/put-template.js';
import {
  adoptTemplateDraft,
  AdoptTemplateDraftInput,
  TemplateDraftAdoptionSchema,
} from '../../notifications/store/adopt-template-draft.js';
import { ChannelKindSchema } from '../../notifications/channel-kinds.js';
import { NotificationLocaleSchema } from '../../notifications/channel-model.js';
import { getTemplate, TemplateEditingSchema } from '../../notifications/templates/get-template.js';
import { listTemplateChoices, TemplateChoicesSchema } from '../../notifications/templates/list-template-choices.js';
import {
  previewTemplate,
  PreviewTemplateInput,
  TemplatePreviewSchema,
} from '../../notifications/templates/preview-template.js';
import { NotificationKindSchema, TemplateOverrideSchema } from '../../notifications/templates/template-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { adoptionStatus, errorResponses } from '../schemas.js';

const tags = ['notifications'];
const TemplateParams = Type.Object({
  kind: NotificationKindSchema,
  locale: NotificationLocaleSchema,
  channel: ChannelKindSchema,
});

/** Notification channels and message templates (admin); the links in pages are `ack-link-routes.ts`. */
export function registerNotificationRoutes(app: App, { db, now, execution, config }: HttpDeps): void {
  const secretKey = execution.secretKey === null ? null : Buffer.from(execution.secretKey);
  const baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;

  app.put(
    '/api/v1/notification-channels/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace a notification channel (admin; secrets sealed with ASTREINTE_SECRET_KEY)',
        params: Type.Object({ id: ChannelIdSchema }),
        body: PutChannelInput,
        response: { 200: ChannelRecordSchema, 201: ChannelRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { channel, created } = await putChannel({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, id: request.params.id },
        secretKey,
      });
      return reply.status(created ? 201 : 200).send(channel);
    },
  );

  app.get(
    '/api/v1/notification-channels',
    {
      schema: {
        tags,
        summary: 'List notification channels, secrets redacted (admin)',
        response: { 200: Type.Array(ChannelRecordSchema), ...errorResponses },
      },
    },
    async (request) => listChannels({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/notification-channels/kinds',
    {
      schema: {
        tags,
        summary: 'List the kinds a notification channel can be, each with its configuration schema (admin)',
        response: { 200: Type.Array(ChannelKindInfoSchema), ...errorResponses },
      },
    },
    (request) => listChannelKinds({ ctx: ctxOf(request, db, now) }),
  );

  app.delete(
    '/api/v1/notification-channels/:id',
    {
      schema: {
        tags,
        summary: 'Delete a notification channel nothing was sent through (admin; 409 otherwise: disable it)',
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteChannel({ ctx: ctxOf(request, db, now), input: request.params });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notification-channels/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a test message through a channel, to yourself, and tell the outcome (admin; audited)',
        params: Type.Object({ id: Type.String() }),
        response: { 200: ChannelTestSchema, ...errorResponses },
      },
    },
    async (request) => testChannel({ ctx: ctxOf(request, db, now), input: request.params, secretKey, baseUrl }),
  );

  app.get(
    '/api/v1/notification-deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries, newest first; status=dead is the dead-letter list (admin)',
        querystring: ListDeliveriesInput,
        response: { 200: Type.Array(DeliverySchema), ...errorResponses },
      },
    },
    async (request) => listDeliveries({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.post(
    '/api/v1/notification-deliveries/:id/replay',
    {
      schema: {
        tags,
        summary: 'Send a dead or unknown delivery again (admin)',
        params: Type.Object({ id: Type.String() }),
        response: { 200: DeliverySchema, ...errorResponses },
      },
    },
    async (request) => replayDelivery({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/notification-templates/choices',
    {
      schema: {
        tags,
        summary: 'What a template is chosen by: message kinds, languages, channel kinds and their formats (admin)',
        response: { 200: TemplateChoicesSchema, ...errorResponses },
      },
    },
    (request) => listTemplateChoices({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/notification-templates/:kind/:locale/:channel',
    {
      schema: {
        tags,
        summary: "A message template as an admin edits it: the default parts, the admin's parts, the variables",
        params: TemplateParams,
        response: { 200: TemplateEditingSchema, ...errorResponses },
      },
    },
    async (request) => getTemplate({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.post(
    '/api/v1/notification-templates/preview',
    {
      schema: {
        tags,
        summary: 'Render a template not yet saved with a sample incident, as the channel would send it (admin)',
        body: PreviewTemplateInput,
        response: { 200: TemplatePreviewSchema, ...errorResponses },
      },
    },
    (request) => previewTemplate({ ctx: ctxOf(request, db, now), input: request.body }),
  );

  app.put(
    '/api/v1/notification-templates/:kind/:locale/:channel',
    {
      schema: {
        tags,
        summary: 'Replace parts of a message template for one language and channel (admin; checked when saved)',
        params: TemplateParams,
        body: Type.Object({ template: TemplateOverrideSchema }, { additionalProperties: false }),
        response: { 200: StoredTemplateSchema, ...errorResponses },
      },
    },
    async (request) =>
      putTemplate({ ctx: ctxOf(request, db, now), input: { ...request.params, template: request.body.template } }),
  );

  app.post(
    '/api/v1/notification-templates/adopt',
    {
      schema: {
        tags,
        summary:
          'Make a communication template found in an imported runbook the template of a message (admin); dryRun shows each blank’s variable',
        body: AdoptTemplateDraftInput,
        response: { 201: TemplateDraftAdoptionSchema, 200: TemplateDraftAdoptionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const adopted = await adoptTemplateDraft({ ctx: ctxOf(request, db, now), input: request.body });
      return reply.status(adoptionStatus(adopted)).send(adopted);
    },
  );
}
