import { Type } from 'typebox';
import type { ProbeEnvironment } from '../../probes/check-probe-settings.js';
import { createProbe } from '../../probes/create-probe.js';
import { deleteProbe } from '../../probes/delete-probe.js';
import {
  adoptAlertRulesDraft,
  AdoptAlertRulesDraftInput,
  AlertRulesAdoptionSchema,
} from '../../probes/drafts/adopt-alert-rules-draft.js';
import { ProbeSuggestionsSchema } from '../../probes/drafts/probe-suggestion.js';
import { suggestProbes } from '../../probes/drafts/suggest-probes.js';
import { getProbeUptime, listProbeResults, ProbeResultsQuery } from '../../probes/probe-history.js';
import { CreateProbeInput, UpdateProbeInput } from '../../probes/probe-input.js';
import { listProbeKinds, ProbeKindInfoSchema } from '../../probes/list-probe-kinds.js';
import { getProbe, listProbes, ListProbesQuery } from '../../probes/list-probes.js';
import { probeKindNames, probeKindsDescribed } from '../../probes/probe-kinds.js';
import { probeStatuses } from '../../probes/state/probe-state.js';
import { testProbe } from '../../probes/test-probe.js';
import { updateProbe } from '../../probes/update-probe.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { adoptionStatus, errorResponses, IdParams as RunbookIdParams } from '../schemas.js';

const tags = ['probes'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const LastResult = Type.Object({ success: Type.Boolean(), latencyMs: Type.Integer(), detail: nullable(Type.String()) });
const ProbeSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.Enum(probeKindNames, { description: probeKindsDescribed }),
    serviceId: nullable(Type.String()),
    target: Type.Object(
      { kind: Type.String() },
      { additionalProperties: true, description: 'as saved, credentials shown as ********' },
    ),
    conditions: Type.Array(Type.String()),
    severity: Type.String(),
    labels: Type.Record(Type.String(), Type.String()),
    intervalSeconds: Type.Integer(),
    retryIntervalSeconds: Type.Integer(),
    timeoutMs: Type.Integer(),
    retries: Type.Integer(),
    forSeconds: Type.Integer(),
    keepFiringForSeconds: Type.Integer(),
    enabled: Type.Boolean(),
    status: Type.Enum(probeStatuses),
    lastCheckedAt: nullable(Type.String()),
    lastResult: nullable(LastResult),
    nextRunAt: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'Probe' },
);
const Verdict = Type.Object({
  passed: Type.Boolean(),
  latencyMs: Type.Number(),
  detail: nullable(Type.String()),
  conditions: Type.Array(Type.Object({ condition: Type.String(), passed: Type.Boolean(), detail: Type.String() })),
  values: Type.Record(Type.String(), Type.Unknown()),
  series: Type.Optional(
    Type.Array(
      Type.Object({ labels: Type.Record(Type.String(), Type.String()), passed: Type.Boolean(), detail: Type.String() }),
    ),
  ),
});
const ResultSchema = Type.Object({
  scheduledAt: Type.String(),
  startedAt: Type.String(),
  success: Type.Boolean(),
  latencyMs: Type.Integer(),
  detail: nullable(Type.String()),
});
const UptimeSchema = Type.Object({
  window: Type.String(),
  checks: Type.Integer(),
  failures: Type.Integer(),
  uptimePercent: nullable(Type.Number()),
  averageLatencyMs: nullable(Type.Number()),
  maxLatencyMs: nullable(Type.Number()),
});

/** Probes: checks Astreinte runs itself; admins manage them, everyone reads their state and history. */
export function registerProbeRoutes(app: App, { db, now, config, execution }: HttpDeps): void {
  const environment: ProbeEnvironment = {
    secretKey: execution.secretKey === null ? null : Buffer.from(execution.secretKey),
    prometheusUrl: config.prometheusUrl ?? null,
  };

  app.post(
    '/api/v1/probes',
    {
      schema: {
        tags,
        summary: 'Create a probe (admin)',
        body: CreateProbeInput,
        response: { 201: ProbeSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProbe({ ctx: ctxOf(request, db, now), input: request.body, environment })),
  );

  app.post(
    '/api/v1/probes/test',
    {
      schema: {
        tags,
        summary: 'Check a probe once without saving it (admin): what each condition saw',
        body: CreateProbeInput,
        response: { 200: Verdict, ...errorResponses },
      },
    },
    async (request) => testProbe({ ctx: ctxOf(request, db, now), input: request.body, environment }),
  );

  app.post(
    '/api/v1/probes/from-draft',
    {
      schema: {
        tags,
        summary:
          'Create Prometheus probes from the PromQL rules of an alert-rules draft found in an imported runbook (admin); prose rules are skipped with the reason, queries a probe runs already kept; dryRun previews',
        body: AdoptAlertRulesDraftInput,
        response: { 201: AlertRulesAdoptionSchema, 200: AlertRulesAdoptionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const adopted = await adoptAlertRulesDraft({ ctx: ctxOf(request, db, now), input: request.body, environment });
      return reply.status(adoptionStatus(adopted)).send(adopted);
    },
  );

  app.get(
    '/api/v1/runbooks/:id/probe-suggestions',
    {
      schema: {
        tags,
        summary:
          "Probes proposed from the checks a runbook's steps do by hand (curl, pg_isready, redis-cli ping…); nothing is saved",
        params: RunbookIdParams,
        response: { 200: ProbeSuggestionsSchema, ...errorResponses },
      },
    },
    async (request) => suggestProbes({ ctx: ctxOf(request, db, now), input: { runbookId: request.params.id } }),
  );

  app.get(
    '/api/v1/probes',
    {
      schema: {
        tags,
        summary: 'List probes by name',
        querystring: ListProbesQuery,
        response: { 200: Type.Object({ items: Type.Array(ProbeSchema), total: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => listProbes({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/probes/kinds',
    {
      schema: {
        tags,
        summary: 'List the kinds a probe can be, each with its target schema, placeholders and default conditions',
        response: { 200: Type.Array(ProbeKindInfoSchema), ...errorResponses },
      },
    },
    (request) => listProbeKinds({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/probes/:id',
    {
      schema: {
        tags,
        summary: 'One probe and where it stands',
        params: IdParams,
        response: { 200: ProbeSchema, ...errorResponses },
      },
    },
    async (request) => getProbe({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.patch(
    '/api/v1/probes/:id',
    {
      schema: {
        tags,
        summary: 'Change a probe (admin); it starts over',
        params: IdParams,
        body: UpdateProbeInput,
        response: { 200: ProbeSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateProbe({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id }, environment }),
  );

  app.delete(
    '/api/v1/probes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a probe and its history (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteProbe({ ctx: ctxOf(request, db, now), input: request.params });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/probes/:id/results',
    {
      schema: {
        tags,
        summary: 'Recent checks of a probe, newest first',
        params: IdParams,
        querystring: ProbeResultsQuery,
        response: { 200: Type.Array(ResultSchema), ...errorResponses },
      },
    },
    async (request) =>
      listProbeResults({ ctx: ctxOf(request, db, now), input: { ...request.query, id: request.params.id } }),
  );

  app.get(
    '/api/v1/probes/:id/uptime',
    {
      schema: {
        tags,
        summary: 'Uptime and latency of a probe over 24 h, 7, 30 and 90 days',
        params: IdParams,
        response: { 200: Type.Array(UptimeSchema), ...errorResponses },
      },
    },
    async (request) => getProbeUptime({ ctx: ctxOf(request, db, now), input: request.params }),
  );
}
