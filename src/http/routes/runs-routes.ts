import { getRun } from '../../execution/get-run.js';
import { RunSchema } from '../../execution/run-model.js';
import { startRun, StartRunInput } from '../../execution/start-run.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams } from '../schemas.js';

const tags = ['runs'];

/** Runs of runbooks: start one (in an incident or as a rehearsal), show it with its step executions. */
export async function registerRunRoutes(app: App, { db, now }: HttpDeps): Promise<void> {
  app.post('/api/v1/runs', {
    schema: { tags, summary: 'Start a run of a runbook', body: StartRunInput, response: { 201: RunSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await startRun({ ctx: ctxOf(request, db, now), input: request.body })));

  app.get('/api/v1/runs/:id', {
    schema: { tags, summary: 'Show a run and its step executions', params: IdParams, response: { 200: RunSchema, ...errorResponses } },
  }, async (request) => getRun({ ctx: ctxOf(request, db, now), input: request.params }));
}
