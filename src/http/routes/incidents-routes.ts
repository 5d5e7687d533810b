import { Type } from 'typebox';
import { addIncidentNote, AddNoteInput } from '../../incidents/add-incident-note.js';
import { acknowledgeIncident } from '../../incidents/acknowledge-incident.js';
import { assignIncidentRole, AssignRoleInput } from '../../incidents/assign-incident-role.js';
import { StatusChangeInput } from '../../incidents/change-incident-status.js';
import { declareIncident, DeclareIncidentInput } from '../../incidents/declare-incident.js';
import { getIncident } from '../../incidents/get-incident.js';
import { IncidentRoleSchema, IncidentSchema, TimelineEventSchema } from '../../incidents/incident-model.js';
import { listIncidents, ListIncidentsQuery } from '../../incidents/list-incidents.js';
import { listTimeline, ListTimelineQuery } from '../../incidents/list-timeline.js';
import { mitigateIncident } from '../../incidents/mitigate-incident.js';
import { postStatusUpdate, PostStatusUpdateInput } from '../../incidents/post-status-update.js';
import { reopenIncident } from '../../incidents/reopen-incident.js';
import { resolveIncident } from '../../incidents/resolve-incident.js';
import { updateIncident, UpdateIncidentInput } from '../../incidents/update-incident.js';
import { verifyIncidentTimeline } from '../../incidents/verify-incident-timeline.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams, paged } from '../schemas.js';

const tags = ['incidents'];

/** Incidents: declare, list, show, update, lifecycle actions, roles, notes, status updates, timeline. */
export function registerIncidentRoutes(app: App, { db, now }: HttpDeps): void {
  app.post(
    '/api/v1/incidents',
    {
      schema: {
        tags,
        summary: 'Declare an incident',
        body: DeclareIncidentInput,
        response: { 201: IncidentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await declareIncident({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags,
        summary: 'List incidents, newest first',
        querystring: ListIncidentsQuery,
        response: { 200: paged(IncidentSchema), ...errorResponses },
      },
    },
    async (request) => listIncidents({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Show an incident',
        params: IdParams,
        response: { 200: IncidentSchema, ...errorResponses },
      },
    },
    async (request) => getIncident({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Change title, summary, impact, severity, labels or services',
        params: IdParams,
        body: UpdateIncidentInput,
        response: { 200: IncidentSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateIncident({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  const actions = {
    acknowledge: acknowledgeIncident,
    mitigate: mitigateIncident,
    resolve: resolveIncident,
    reopen: reopenIncident,
  };
  for (const [action, perform] of Object.entries(actions)) {
    app.post(
      `/api/v1/incidents/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${action[0]!.toUpperCase()}${action.slice(1)} an incident`,
          params: IdParams,
          body: StatusChangeInput,
          response: { 200: IncidentSchema, ...errorResponses },
        },
      },
      async (request) => perform({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
    );
  }

  app.put(
    '/api/v1/incidents/:id/roles/:role',
    {
      schema: {
        tags,
        summary: 'Assign an incident role (commander, communications, operations, scribe)',
        params: Type.Object({ id: Type.String(), role: IncidentRoleSchema }),
        body: AssignRoleInput,
        response: { 200: IncidentSchema, ...errorResponses },
      },
    },
    async (request) =>
      assignIncidentRole({ ctx: ctxOf(request, db, now), input: { ...request.body, ...request.params } }),
  );

  app.post(
    '/api/v1/incidents/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a note to the timeline',
        params: IdParams,
        body: AddNoteInput,
        response: { 201: TimelineEventSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addIncidentNote({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
        ),
  );

  app.post(
    '/api/v1/incidents/:id/status-updates',
    {
      schema: {
        tags,
        summary: 'Post a status update',
        params: IdParams,
        body: PostStatusUpdateInput,
        response: { 201: TimelineEventSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await postStatusUpdate({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
        ),
  );

  app.get(
    '/api/v1/incidents/:id/timeline',
    {
      schema: {
        tags,
        summary: 'The append-only timeline, oldest first',
        params: IdParams,
        querystring: ListTimelineQuery,
        response: { 200: Type.Array(TimelineEventSchema), ...errorResponses },
      },
    },
    async (request) =>
      listTimeline({ ctx: ctxOf(request, db, now), input: { ...request.query, id: request.params.id } }),
  );

  app.get(
    '/api/v1/incidents/:id/timeline/verification',
    {
      schema: {
        tags,
        summary: 'Replay the timeline and compare it with the stored incident',
        params: IdParams,
        response: {
          200: Type.Object({
            consistent: Type.Boolean(),
            events: Type.Integer(),
            differences: Type.Array(
              Type.Object({ field: Type.String(), stored: Type.Unknown(), replayed: Type.Unknown() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => verifyIncidentTimeline({ ctx: ctxOf(request, db, now), input: request.params }),
  );
}
