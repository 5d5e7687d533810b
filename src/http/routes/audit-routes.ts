import { AuditLogEntrySchema, listAuditLog, ListAuditLogQuery } from '../../audit/list-audit-log.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, paged } from '../schemas.js';

const tags = ['audit'];

/** The audit log, read-only: every write is recorded by the operation that made it. */
export function registerAuditRoutes(app: App, { db, now }: HttpDeps): void {
  app.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags,
        summary: 'Read the audit log, newest first',
        querystring: ListAuditLogQuery,
        response: { 200: paged(AuditLogEntrySchema), ...errorResponses },
      },
    },
    async (request) => listAuditLog({ ctx: ctxOf(request, db, now), input: request.query }),
  );
}
