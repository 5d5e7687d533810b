import { Type } from 'typebox';
import { createService, CreateServiceInput } from '../../services/create-service.js';
import { deleteService } from '../../services/delete-service.js';
import { getService } from '../../services/get-service.js';
import { listServices, ListServicesQuery } from '../../services/list-services.js';
import { ServiceDetailSchema, ServiceSchema } from '../../services/service-model.js';
import { ServiceSummarySchema } from '../../services/service-summary-model.js';
import { summarizeService, summarizeServices } from '../../services/summarize-services.js';
import { updateService, UpdateServiceInput } from '../../services/update-service.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams, paged } from '../schemas.js';

const tags = ['services'];

/** The service catalogue: create, list, show, change, delete; and each service's health and on-call summary. */
export function registerServiceRoutes(app: App, { db, now }: HttpDeps): void {
  app.post(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'Add a service to the catalogue',
        body: CreateServiceInput,
        response: { 201: ServiceSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createService({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'List services, by id',
        querystring: ListServicesQuery,
        response: { 200: paged(ServiceSchema), ...errorResponses },
      },
    },
    async (request) => listServices({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/services/:id',
    {
      schema: {
        tags,
        summary: 'Show a service and its open incident count',
        params: IdParams,
        response: { 200: ServiceDetailSchema, ...errorResponses },
      },
    },
    async (request) => getService({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/service-summaries',
    {
      schema: {
        tags,
        summary:
          'Every service with its health and why, open incidents, escalation policy and who is on call for it now, by name',
        response: { 200: Type.Array(ServiceSummarySchema), ...errorResponses },
      },
    },
    async (request) => summarizeServices({ ctx: ctxOf(request, db, now), input: {} }),
  );

  app.get(
    '/api/v1/services/:id/summary',
    {
      schema: {
        tags,
        summary: 'One service with its health and why, open incidents, escalation policy and who is on call for it now',
        params: IdParams,
        response: { 200: ServiceSummarySchema, ...errorResponses },
      },
    },
    async (request) => summarizeService({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.patch(
    '/api/v1/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service',
        params: IdParams,
        body: UpdateServiceInput,
        response: { 200: ServiceSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateService({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.delete(
    '/api/v1/services/:id',
    {
      schema: {
        tags,
        summary: 'Delete a service no incident refers to',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteService({ ctx: ctxOf(request, db, now), input: request.params });
      return reply.status(204).send(null);
    },
  );
}
