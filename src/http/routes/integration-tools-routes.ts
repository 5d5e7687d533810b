import { Type } from 'typebox';
import {
  AlertExplanationSchema,
  ExplainAlertInput,
  explainIntegrationAlert,
} from '../../alerts/integrations/explain-integration-alert.js';
import {
  resolveTestAlert,
  ResolveTestAlertInput,
  TestAlertResolutionSchema,
} from '../../alerts/integrations/resolve-test-alert.js';
import { sendTestAlert, TestAlertResultSchema } from '../../alerts/integrations/send-test-alert.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['integrations'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** What helps an admin set an integration up: what its settings make of an alert, a test alert and its resolution. */
export function registerIntegrationToolRoutes(app: App, { db, now, alerts }: HttpDeps): void {
  app.post(
    '/api/v1/integrations/:id/explain',
    {
      schema: {
        tags,
        summary: 'What the settings (saved, or given) make of an alert: group, priority, service, muted now (admin)',
        params: IdParams,
        body: ExplainAlertInput,
        response: { 200: AlertExplanationSchema, ...errorResponses },
      },
    },
    async (request) =>
      explainIntegrationAlert({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.post(
    '/api/v1/integrations/:id/test-alert',
    {
      schema: {
        tags,
        summary: 'Send a test alert through the ingest path (admin, audited) and say what became of it',
        params: IdParams,
        response: { 200: TestAlertResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      sendTestAlert({
        ctx: ctxOf(request, db, now),
        input: { id: request.params.id },
        submit: (submission) => alerts.writer.submit(submission),
      }),
  );

  app.post(
    '/api/v1/integrations/:id/test-alert/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a test alert through the ingest path, as its sender would (admin, audited)',
        params: IdParams,
        body: ResolveTestAlertInput,
        response: { 200: TestAlertResolutionSchema, ...errorResponses },
      },
    },
    async (request) =>
      resolveTestAlert({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, id: request.params.id },
        submit: (submission) => alerts.writer.submit(submission),
      }),
  );
}
