import { Type } from 'typebox';
import { AlertSchema } from '../../alerts/alert-view.js';
import { createInhibitRule, CreateInhibitRuleInput } from '../../alerts/inhibit-rules/create-inhibit-rule.js';
import { deleteInhibitRule } from '../../alerts/inhibit-rules/delete-inhibit-rule.js';
import { InhibitRuleSchema } from '../../alerts/inhibit-rules/inhibit-rule-model.js';
import { listInhibitRules } from '../../alerts/inhibit-rules/list-inhibit-rules.js';
import {
  InhibitPreviewSchema,
  previewInhibitRule,
  PreviewInhibitRuleInput,
} from '../../alerts/inhibit-rules/preview-inhibit-rule.js';
import { listAlerts, ListAlertsInput } from '../../alerts/list-alerts.js';
import { listIncidentRunbooks, SuggestedRunbookSchema } from '../../alerts/list-incident-runbooks.js';
import { cancelMaintenanceWindow } from '../../alerts/maintenance/cancel-maintenance-window.js';
import {
  createMaintenanceWindow,
  CreateMaintenanceWindowInput,
} from '../../alerts/maintenance/create-maintenance-window.js';
import { listMaintenanceWindows } from '../../alerts/maintenance/list-maintenance-windows.js';
import { MaintenanceWindowSchema } from '../../alerts/maintenance/maintenance-window-model.js';
import { createSilence, CreateSilenceInput } from '../../alerts/silences/create-silence.js';
import { expireSilence } from '../../alerts/silences/expire-silence.js';
import { listSilences } from '../../alerts/silences/list-silences.js';
import { SilenceSchema } from '../../alerts/silences/silence-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['alerts'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Alerts as stored, what mutes them (silences, maintenance windows, inhibition rules), and the runbooks they suggested. */
export function registerAlertRoutes(app: App, { db, now }: HttpDeps): void {
  app.get(
    '/api/v1/alerts',
    {
      schema: {
        tags,
        summary: 'List alerts, most recently seen first',
        querystring: ListAlertsInput,
        response: { 200: Type.Array(AlertSchema), ...errorResponses },
      },
    },
    async (request) => listAlerts({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/incidents/:id/runbooks',
    {
      schema: {
        tags,
        summary: 'Runbooks suggested for an incident by its alerts, best first',
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Array(SuggestedRunbookSchema), ...errorResponses },
      },
    },
    async (request) => listIncidentRunbooks({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.post(
    '/api/v1/silences',
    {
      schema: {
        tags,
        summary: 'Silence alerts matching label matchers until endsAt (responder)',
        body: CreateSilenceInput,
        response: { 201: SilenceSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSilence({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/silences',
    {
      schema: {
        tags,
        summary: 'List silences not over yet (or all)',
        querystring: Type.Object({ includeExpired: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Array(SilenceSchema), ...errorResponses },
      },
    },
    async (request) => listSilences({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.delete(
    '/api/v1/silences/:id',
    {
      schema: {
        tags,
        summary: 'Expire a silence now (responder)',
        params: IdParams,
        response: { 200: SilenceSchema, ...errorResponses },
      },
    },
    async (request) => expireSilence({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.post(
    '/api/v1/maintenance-windows',
    {
      schema: {
        tags,
        summary: 'Plan a maintenance window of a service: its alerts do not page (responder)',
        body: CreateMaintenanceWindowInput,
        response: { 201: MaintenanceWindowSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMaintenanceWindow({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/maintenance-windows',
    {
      schema: {
        tags,
        summary: 'List maintenance windows not over yet (or all)',
        querystring: Type.Object(
          { includePast: Type.Optional(Type.Boolean()), serviceId: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(MaintenanceWindowSchema), ...errorResponses },
      },
    },
    async (request) => listMaintenanceWindows({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.delete(
    '/api/v1/maintenance-windows/:id',
    {
      schema: {
        tags,
        summary: 'End a maintenance window now (responder)',
        params: IdParams,
        response: { 200: MaintenanceWindowSchema, ...errorResponses },
      },
    },
    async (request) => cancelMaintenanceWindow({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.post(
    '/api/v1/inhibit-rules',
    {
      schema: {
        tags,
        summary: 'Add an inhibition rule (admin)',
        body: CreateInhibitRuleInput,
        response: { 201: InhibitRuleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInhibitRule({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.post(
    '/api/v1/inhibit-rules/preview',
    {
      schema: {
        tags,
        summary: 'How many firing alerts a draft inhibition rule would mute now, and a few of them (admin)',
        body: PreviewInhibitRuleInput,
        response: { 200: InhibitPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewInhibitRule({ ctx: ctxOf(request, db, now), input: request.body }),
  );

  app.get(
    '/api/v1/inhibit-rules',
    {
      schema: {
        tags,
        summary: 'List inhibition rules',
        response: { 200: Type.Array(InhibitRuleSchema), ...errorResponses },
      },
    },
    async (request) => listInhibitRules({ ctx: ctxOf(request, db, now) }),
  );

  app.delete(
    '/api/v1/inhibit-rules/:id',
    {
      schema: {
        tags,
        summary: 'Remove an inhibition rule (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInhibitRule({ ctx: ctxOf(request, db, now), input: request.params });
      return reply.status(204).send(null);
    },
  );
}
