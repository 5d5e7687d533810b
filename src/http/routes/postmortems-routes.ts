import { Type } from 'typebox';
import { addCorrectiveAction, AddCorrectiveActionInput } from '../../postmortems/add-corrective-action.js';
import { adoptPostmortemTemplate, AdoptPostmortemTemplateInput } from '../../postmortems/adopt-postmortem-template.js';
import { changePostmortemStatus, ChangePostmortemStatusInput } from '../../postmortems/change-postmortem-status.js';
import { draftPostmortem, DraftPostmortemInput } from '../../postmortems/draft-postmortem.js';
import { exportFormats, exportPostmortem, type ExportFormat } from '../../postmortems/export-postmortem.js';
import { getPostmortem } from '../../postmortems/get-postmortem.js';
import { listCorrectiveActions, ListCorrectiveActionsQuery } from '../../postmortems/list-corrective-actions.js';
import { listPostmortems, ListPostmortemsQuery } from '../../postmortems/list-postmortems.js';
import {
  CorrectiveActionSchema,
  PostmortemSchema,
  PostmortemSummarySchema,
} from '../../postmortems/postmortem-model.js';
import { serverTimeZone } from '../../postmortems/postmortem-time.js';
import { updateCorrectiveAction, UpdateCorrectiveActionInput } from '../../postmortems/update-corrective-action.js';
import { updatePostmortem, UpdatePostmortemInput } from '../../postmortems/update-postmortem.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../storage/database.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { adoptionResponses, adoptionStatus, errorResponses, IdParams } from '../schemas.js';

const tags = ['postmortems'];

const ActionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  actionId: Type.String({ format: 'uuid' }),
});
const FormatQuery = Type.Object({ format: Type.Optional(Type.Enum(exportFormats)) }, { additionalProperties: false });

/**
 * An export is a page of its own: no script may run in it (it holds only escaped text and
 * rendered Markdown), styles are inline, nothing is fetched, and it cannot be framed.
 */
const exportPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const textExport = (type: string) => ({
  200: { description: 'the export', content: { [type]: { schema: { type: 'string' } } } },
  ...errorResponses,
});

async function sendExport(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Database,
  now: () => Date,
  id: string,
  format: ExportFormat,
) {
  const rendered = await exportPostmortem({ ctx: ctxOf(request, db, now), input: { id, format } });
  return reply
    .type(rendered.contentType)
    .header('content-disposition', `inline; filename="${rendered.filename}"`)
    .header('content-security-policy', exportPolicy)
    .header('x-content-type-options', 'nosniff')
    .send(rendered.body);
}

/** Post-mortems of incidents: draft from the timeline, edit, review, export; corrective actions. */
export function registerPostmortemRoutes(app: App, { db, now, config }: HttpDeps): void {
  app.post(
    '/api/v1/incidents/:id/postmortem',
    {
      schema: {
        tags,
        summary: "Draft an incident's post-mortem from its timeline (timeZone defaults to the server's)",
        params: IdParams,
        body: DraftPostmortemInput,
        response: { 201: PostmortemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await draftPostmortem({
          ctx: ctxOf(request, db, now),
          input: { ...request.body, id: request.params.id },
          defaultTimeZone: config.timeZone ?? serverTimeZone(),
        }),
      ),
  );

  app.get(
    '/api/v1/incidents/:id/postmortem',
    {
      schema: {
        tags,
        summary: "An incident's post-mortem (JSON; ?format=markdown or html exports it)",
        params: IdParams,
        querystring: FormatQuery,
        produces: ['application/json', 'text/markdown', 'text/html'],
        response: { 200: PostmortemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const format = request.query.format;
      if (format !== undefined) return sendExport(request, reply, db, now, request.params.id, format);
      return getPostmortem({ ctx: ctxOf(request, db, now), input: request.params });
    },
  );

  app.get(
    '/api/v1/incidents/:id/postmortem.md',
    {
      schema: {
        tags,
        summary: "An incident's post-mortem as Markdown",
        params: IdParams,
        produces: ['text/markdown'],
        response: textExport('text/markdown'),
      },
    },
    async (request, reply) => sendExport(request, reply, db, now, request.params.id, 'markdown'),
  );

  app.get(
    '/api/v1/incidents/:id/postmortem.html',
    {
      schema: {
        tags,
        summary: "An incident's post-mortem as HTML ready to print to PDF (no script)",
        params: IdParams,
        produces: ['text/html'],
        response: textExport('text/html'),
      },
    },
    async (request, reply) => sendExport(request, reply, db, now, request.params.id, 'html'),
  );

  app.patch(
    '/api/v1/incidents/:id/postmortem',
    {
      schema: {
        tags,
        summary: "Edit a post-mortem's title and sections (409 when it changed since `version`)",
        params: IdParams,
        body: UpdatePostmortemInput,
        response: { 200: PostmortemSchema, ...errorResponses },
      },
    },
    async (request) =>
      updatePostmortem({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.post(
    '/api/v1/incidents/:id/postmortem/status',
    {
      schema: {
        tags,
        summary: 'Move a post-mortem through review: draft → in-review → published',
        params: IdParams,
        body: ChangePostmortemStatusInput,
        response: { 200: PostmortemSchema, ...errorResponses },
      },
    },
    async (request) =>
      changePostmortemStatus({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.post(
    '/api/v1/incidents/:id/postmortem/actions',
    {
      schema: {
        tags,
        summary: 'Add a corrective action (owner, due date, term)',
        params: IdParams,
        body: AddCorrectiveActionInput,
        response: { 201: CorrectiveActionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addCorrectiveAction({
          ctx: ctxOf(request, db, now),
          input: { ...request.body, id: request.params.id },
        }),
      ),
  );

  app.patch(
    '/api/v1/incidents/:id/postmortem/actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Change a corrective action (status done records when)',
        params: ActionParams,
        body: UpdateCorrectiveActionInput,
        response: { 200: CorrectiveActionSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateCorrectiveAction({ ctx: ctxOf(request, db, now), input: { ...request.body, ...request.params } }),
  );

  app.get(
    '/api/v1/postmortems',
    {
      schema: {
        tags,
        summary: 'Post-mortems, last changed first, with their corrective actions counted',
        querystring: ListPostmortemsQuery,
        response: { 200: Type.Array(PostmortemSummarySchema), ...errorResponses },
      },
    },
    async (request) => listPostmortems({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/corrective-actions',
    {
      schema: {
        tags,
        summary: 'Corrective actions of every post-mortem, soonest due first (open, overdue, owner filters)',
        querystring: ListCorrectiveActionsQuery,
        response: { 200: Type.Array(CorrectiveActionSchema), ...errorResponses },
      },
    },
    async (request) => listCorrectiveActions({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.post(
    '/api/v1/postmortem-templates/adopt',
    {
      schema: {
        tags,
        summary:
          'Make a post-mortem template found in an imported runbook the one new post-mortems follow (admin); dryRun previews',
        body: AdoptPostmortemTemplateInput,
        response: adoptionResponses,
      },
    },
    async (request, reply) => {
      const adopted = await adoptPostmortemTemplate({ ctx: ctxOf(request, db, now), input: request.body });
      return reply.status(adoptionStatus(adopted)).send(adopted);
    },
  );
}
