import { DraftAdoptionPreviewSchema, previewDraftAdoption } from '../../runbooks/preview-draft-adoption.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams } from '../schemas.js';

const tags = ['runbooks'];

/** What adopting each draft would do; the adopting POSTs live with what they create (severity, users …). */
export function registerDraftAdoptionRoutes(app: App, { db, now }: HttpDeps): void {
  app.get(
    '/api/v1/runbook-drafts/:id/adoption',
    {
      schema: {
        tags,
        summary: 'What adopting a draft would create or change, and the endpoint that adopts it (admin)',
        params: IdParams,
        response: { 200: DraftAdoptionPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewDraftAdoption({ ctx: ctxOf(request, db, now), input: request.params }),
  );
}
