import { Type } from 'typebox';
import { adoptChecklistDraft, AdoptChecklistDraftInput } from '../../checklists/adopt-checklist-draft.js';
import { attachChecklist, AttachChecklistInput } from '../../checklists/attach-checklist.js';
import { checkChecklistItem, CheckChecklistItemInput } from '../../checklists/check-checklist-item.js';
import { ChecklistTemplateSchema } from '../../checklists/checklist-template-model.js';
import { createChecklistTemplate, CreateChecklistTemplateInput } from '../../checklists/create-checklist-template.js';
import { getChecklistTemplate } from '../../checklists/get-checklist-template.js';
import { IncidentChecklistSchema } from '../../checklists/incident-checklist-model.js';
import { listChecklistTemplates } from '../../checklists/list-checklist-templates.js';
import { listIncidentChecklists } from '../../checklists/list-incident-checklists.js';
import { updateChecklistTemplate, UpdateChecklistTemplateInput } from '../../checklists/update-checklist-template.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { adoptionResponses, adoptionStatus, errorResponses, IdParams } from '../schemas.js';

const tags = ['checklists'];

const ItemParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  checklistId: Type.String({ format: 'uuid' }),
  position: Type.Integer({ minimum: 1, maximum: 10_000 }),
});

/** Checklist templates, and checklists attached to incidents with their items checked off. */
export function registerChecklistRoutes(app: App, { db, now }: HttpDeps): void {
  app.post(
    '/api/v1/checklist-templates',
    {
      schema: {
        tags,
        summary: 'Create a checklist template',
        body: CreateChecklistTemplateInput,
        response: { 201: ChecklistTemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createChecklistTemplate({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/checklist-templates',
    {
      schema: {
        tags,
        summary: 'List checklist templates',
        response: { 200: Type.Array(ChecklistTemplateSchema), ...errorResponses },
      },
    },
    async (request) => listChecklistTemplates({ ctx: ctxOf(request, db, now), input: {} }),
  );

  app.get(
    '/api/v1/checklist-templates/:id',
    {
      schema: {
        tags,
        summary: 'Show a checklist template',
        params: IdParams,
        response: { 200: ChecklistTemplateSchema, ...errorResponses },
      },
    },
    async (request) => getChecklistTemplate({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.patch(
    '/api/v1/checklist-templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a checklist template (attached copies stay as they are)',
        params: IdParams,
        body: UpdateChecklistTemplateInput,
        response: { 200: ChecklistTemplateSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateChecklistTemplate({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.post(
    '/api/v1/incidents/:id/checklists',
    {
      schema: {
        tags,
        summary: 'Attach a checklist (from a template, or ad hoc) to an incident',
        params: IdParams,
        body: AttachChecklistInput,
        response: { 201: IncidentChecklistSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await attachChecklist({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
        ),
  );

  app.get(
    '/api/v1/incidents/:id/checklists',
    {
      schema: {
        tags,
        summary: "An incident's checklists with their progress",
        params: IdParams,
        response: { 200: Type.Array(IncidentChecklistSchema), ...errorResponses },
      },
    },
    async (request) => listIncidentChecklists({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.put(
    '/api/v1/incidents/:id/checklists/:checklistId/items/:position',
    {
      schema: {
        tags,
        summary: 'Check or uncheck a checklist item',
        params: ItemParams,
        body: CheckChecklistItemInput,
        response: { 200: IncidentChecklistSchema, ...errorResponses },
      },
    },
    async (request) =>
      checkChecklistItem({ ctx: ctxOf(request, db, now), input: { ...request.body, ...request.params } }),
  );

  app.post(
    '/api/v1/checklist-templates/adopt',
    {
      schema: {
        tags,
        summary:
          'Create a checklist template from a checklist draft found in an imported runbook (admin); dryRun previews',
        body: AdoptChecklistDraftInput,
        response: adoptionResponses,
      },
    },
    async (request, reply) => {
      const adopted = await adoptChecklistDraft({ ctx: ctxOf(request, db, now), input: request.body });
      return reply.status(adoptionStatus(adopted)).send(adopted);
    },
  );
}
