import { Type } from 'typebox';
import { getNotificationRules, PersonRulesSchema } from '../../oncall/people/get-notification-rules.js';
import { sendTestPage, TestPageInput, TestPageSchema } from '../../oncall/people/send-test-page.js';
import { NotificationRulesInput, setNotificationRules } from '../../oncall/people/set-notification-rules.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['on-call'];

/** How a person is reached: set, read back for their profile, and tried with a test page. */
export function registerPeopleRoutes(app: App, { db, now, execution, config }: HttpDeps): void {
  const secretKey = execution.secretKey === null ? null : Buffer.from(execution.secretKey);
  const baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;

  app.get(
    '/api/v1/users/:id/notification-rules',
    {
      schema: {
        tags,
        summary: 'How a person is reached when paged, with their language (themself, or an admin)',
        params: Type.Object({ id: Type.String() }),
        response: { 200: PersonRulesSchema, ...errorResponses },
      },
    },
    async (request) => getNotificationRules({ ctx: ctxOf(request, db, now), input: { userId: request.params.id } }),
  );

  app.put(
    '/api/v1/users/:id/notification-rules',
    {
      schema: {
        tags,
        summary: 'How a person is reached when paged (themself, or an admin)',
        params: Type.Object({ id: Type.String() }),
        body: NotificationRulesInput,
        response: { 200: NotificationRulesInput, ...errorResponses },
      },
    },
    async (request) =>
      setNotificationRules({ ctx: ctxOf(request, db, now), input: { ...request.body, userId: request.params.id } }),
  );

  app.post(
    '/api/v1/users/:id/test-page',
    {
      schema: {
        tags,
        summary:
          "Send a test page now through each of a person's notification rules for an urgency (themself, or an admin; audited)",
        params: Type.Object({ id: Type.String() }),
        body: TestPageInput,
        response: { 200: TestPageSchema, ...errorResponses },
      },
    },
    async (request) =>
      sendTestPage({
        ctx: ctxOf(request, db, now),
        // No body (older clients) tries the high urgency, as an empty one does.
        input: { ...request.body, userId: request.params.id },
        secretKey,
        baseUrl,
      }),
  );
}
