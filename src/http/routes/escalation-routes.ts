import { Type } from 'typebox';
import { adoptEscalationDraft, AdoptEscalationDraftInput } from '../../oncall/escalation/adopt-escalation-draft.js';
import { assignServicePolicy } from '../../oncall/escalation/assign-service-policy.js';
import { reassignEscalation, ReassignEscalationInput } from '../../oncall/escalation/reassign-escalation.js';
import {
  EscalationPolicyInput,
  EscalationPolicySchema,
  PolicyIdSchema,
} from '../../oncall/escalation/escalation-policy-model.js';
import { getEscalationPolicy, listEscalationPolicies } from '../../oncall/escalation/list-escalation-policies.js';
import { putEscalationPolicy } from '../../oncall/escalation/put-escalation-policy.js';
import {
  EscalationPreviewSchema,
  previewEscalationLevels,
  PreviewEscalationInput,
} from '../../oncall/escalation/preview-escalation-levels.js';
import { previewEscalationPolicy } from '../../oncall/escalation/preview-escalation-policy.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { AtQuery, errorResponses } from '../schemas.js';

const tags = ['on-call'];

/** Escalation policies (who is paged, in which order), a service's policy, and an incident's escalation. */
export function registerEscalationRoutes(app: App, { db, now }: HttpDeps): void {
  app.put(
    '/api/v1/escalation-policies/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace an escalation policy (admin)',
        params: Type.Object({ id: PolicyIdSchema }),
        body: EscalationPolicyInput,
        response: { 200: EscalationPolicySchema, 201: EscalationPolicySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { policy, created } = await putEscalationPolicy({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, id: request.params.id },
      });
      return reply.status(created ? 201 : 200).send(policy);
    },
  );

  app.get(
    '/api/v1/escalation-policies',
    {
      schema: {
        tags,
        summary: 'List escalation policies',
        response: { 200: Type.Array(EscalationPolicySchema), ...errorResponses },
      },
    },
    async (request) => listEscalationPolicies({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/escalation-policies/:id',
    {
      schema: {
        tags,
        summary: 'Show an escalation policy',
        params: Type.Object({ id: Type.String() }),
        response: { 200: EscalationPolicySchema, ...errorResponses },
      },
    },
    async (request) => getEscalationPolicy({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/escalation-policies/:id/preview',
    {
      schema: {
        tags,
        summary: 'Who each level of a policy would page if an incident opened now, or at `at`',
        params: Type.Object({ id: Type.String() }),
        querystring: AtQuery,
        response: { 200: EscalationPreviewSchema, ...errorResponses },
      },
    },
    async (request) =>
      previewEscalationPolicy({ ctx: ctxOf(request, db, now), input: { ...request.params, ...request.query } }),
  );

  app.post(
    '/api/v1/escalation-policies/preview',
    {
      schema: {
        tags,
        summary: "Who levels not saved yet would page if an incident opened now, or at `at` (the editor's preview)",
        body: PreviewEscalationInput,
        response: { 200: EscalationPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewEscalationLevels({ ctx: ctxOf(request, db, now), input: request.body }),
  );

  app.put(
    '/api/v1/services/:id/escalation-policy',
    {
      schema: {
        tags,
        summary: "Set the escalation policy of a service's incidents (admin); null for none",
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ policyId: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ serviceId: Type.String(), policyId: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      assignServicePolicy({
        ctx: ctxOf(request, db, now),
        input: { serviceId: request.params.id, policyId: request.body.policyId },
      }),
  );

  app.post(
    '/api/v1/incidents/:id/escalation',
    {
      schema: {
        tags,
        summary: 'Re-assign an incident to an escalation policy: its escalation restarts at level 1 (responder)',
        params: Type.Object({ id: Type.String() }),
        body: ReassignEscalationInput,
        response: {
          200: Type.Object({ incidentId: Type.String(), policyId: Type.String(), generation: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      reassignEscalation({ ctx: ctxOf(request, db, now), input: { ...request.body, incidentId: request.params.id } }),
  );

  app.post(
    '/api/v1/escalation-policies/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Create an escalation policy from a draft found in an imported runbook (admin)',
        params: Type.Object({ id: PolicyIdSchema }),
        body: AdoptEscalationDraftInput,
        response: { 201: EscalationPolicySchema, 200: EscalationPolicySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { policy, nothingNew } = await adoptEscalationDraft({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, id: request.params.id },
      });
      // 200: adopted before into this very policy, nothing written.
      return reply.status(nothingNew ? 200 : 201).send(policy);
    },
  );
}
