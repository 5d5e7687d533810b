import { Type } from 'typebox';
import { AdoptDraftInput } from '../../runbooks/draft-adoption.js';
import { adoptSeverityClassesDraft } from '../../severity/adopt-severity-classes-draft.js';
import { SeveritySchema } from '../../incidents/incident-model.js';
import { listSeverityPolicies } from '../../severity/list-severity-policies.js';
import { SeverityPolicySchema } from '../../severity/severity-policy.js';
import { updateSeverityPolicy, UpdateSeverityPolicyInput } from '../../severity/update-severity-policy.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { adoptionResponses, adoptionStatus, errorResponses } from '../schemas.js';

const tags = ['severity'];

/** Severity policies: what P1…P4 mean, their resolution targets and status-update cadence. */
export function registerSeverityRoutes(app: App, { db, now }: HttpDeps): void {
  app.get(
    '/api/v1/severity-policies',
    {
      schema: {
        tags,
        summary: 'List the severity policies',
        response: { 200: Type.Array(SeverityPolicySchema), ...errorResponses },
      },
    },
    async (request) => listSeverityPolicies({ ctx: ctxOf(request, db, now), input: {} }),
  );

  app.patch(
    '/api/v1/severity-policies/:severity',
    {
      schema: {
        tags,
        summary: "Change a severity's name, description or targets",
        params: Type.Object({ severity: SeveritySchema }),
        body: UpdateSeverityPolicyInput,
        response: { 200: SeverityPolicySchema, ...errorResponses },
      },
    },
    async (request) =>
      updateSeverityPolicy({
        ctx: ctxOf(request, db, now),
        input: { severity: request.params.severity, changes: request.body },
      }),
  );

  app.post(
    '/api/v1/severity-policies/adopt',
    {
      schema: {
        tags,
        summary:
          'Set the severity policies from the severity classes of a draft found in an imported runbook (admin); dryRun previews',
        body: AdoptDraftInput,
        response: adoptionResponses,
      },
    },
    async (request, reply) => {
      const adopted = await adoptSeverityClassesDraft({ ctx: ctxOf(request, db, now), input: request.body });
      return reply.status(adoptionStatus(adopted)).send(adopted);
    },
  );
}
