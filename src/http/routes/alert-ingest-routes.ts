import type { FastifyRequest } from 'fastify';
import type { IngestKindDefinition, IngestTools } from '../../alerts/ingest/ingest-kind-definition.js';
import { integrationKindNames, type IntegrationKind } from '../../alerts/ingest/ingest-kind-names.js';
import { endpointOf, ingestKinds } from '../../alerts/ingest/ingest-kinds.js';
import { rateLimited } from '../../alerts/pipeline/ingest-throttle.js';
import type { SenderIntegration } from '../../alerts/integrations/integration-keys.js';
import { AppError } from '../../core/app-error.js';
import { systemCtx } from '../../core/context.js';
import { errorAnswerOf, toAppError } from '../error-mapping.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ingestKeyOf } from '../integration-key-of.js';

/**
 * The ways alerts come in: every route of every row of `ingestKinds`. None takes an API token:
 * each integration has its own key (a wrong or disabled key, or one of another kind, answers 401
 * and stores nothing). A 2xx answer is sent only once the alerts are committed (see AlertWriter).
 * Alerts committed count as received, a request refused as invalid counts its alerts as invalid.
 */
export function registerAlertIngestRoutes(app: App, deps: HttpDeps): void {
  const { keys, writer, catalogue, throttle } = deps.alerts;
  const { alertsReceived, alertsInvalid, alertsRejected } = deps.metrics;
  const open = async (key: string | undefined, kind: IntegrationKind): Promise<SenderIntegration> => {
    const integration = key === undefined ? null : await keys.find(key);
    if (integration === null) throw new AppError('unauthenticated', 'unknown or disabled integration key');
    if (integration.kind !== kind) {
      throw new AppError(
        'unauthenticated',
        `this key belongs to a ${integration.kind} integration: send to ${endpointOf(integration.kind)}`,
      );
    }
    return integration;
  };
  const toolsFor = (
    request: FastifyRequest,
    kind: IntegrationKind,
    definition: IngestKindDefinition,
    opened: (integration: SenderIntegration) => void,
  ): IngestTools => ({
    now: deps.now,
    open: async () => {
      const integration = await open(ingestKeyOf(request, definition.key), kind);
      opened(integration);
      return integration;
    },
    // Back-pressure: while the node cannot keep up, alerts are refused before anything is stored
    // (429, or the kind's `overloadStatus`, with Retry-After) and their senders retry. Only what
    // stores alerts is refused: a heartbeat's ping never comes here; nor is a new group's first
    // alert while few wait (it is handled before the backlog).
    store: async (integration, alerts) => {
      const refusal = await throttle.check({ integration, alerts });
      if (refusal !== null) {
        alertsRejected.inc({ integration: integration.name, kind, reason: refusal.reason }, alerts.length);
        throw rateLimited(refusal);
      }
      await writer.submit({ integration, alerts });
      alertsReceived.inc({ integration: integration.name, kind }, alerts.length);
    },
    systemCtx: () => systemCtx(deps.db, deps.now, request.id),
    catalogue,
  });

  for (const kind of integrationKindNames) {
    const definition: IngestKindDefinition = ingestKinds[kind];
    for (const { method, path } of definition.routes) {
      app.route({
        method,
        url: path,
        // Senders' formats are their tools' own, documented in the README, not in the API's OpenAPI.
        schema: { hide: true },
        handler: async (request, reply) => {
          // A kind may read the body before the key (PagerDuty): an invalid one may come from no integration.
          let integration = '';
          try {
            const tools = toolsFor(request, kind, definition, (opened) => (integration = opened.name));
            const answer = await definition.receive(request.body, tools);
            return await reply.status(answer.status).send(answer.body);
          } catch (error) {
            const refusal = toAppError(error);
            if (refusal.code === 'validation_failed') alertsInvalid.inc({ integration, kind }, alertsIn(request.body));
            const standard = errorAnswerOf(refusal);
            const answer =
              refusal.code === 'rate_limited' && definition.overloadStatus !== undefined
                ? { status: definition.overloadStatus, body: standard.body }
                : definition.answerError?.(refusal);
            if (answer === undefined) throw error;
            const retryAfter = standard.headers['retry-after'];
            if (retryAfter !== undefined) void reply.header('retry-after', retryAfter);
            return reply.status(answer.status).send(answer.body);
          }
        },
      });
    }
  }
}

/** How many alerts a refused body meant to send: a list's (Prometheus) or its `alerts` list's (Alertmanager), else one. */
function alertsIn(body: unknown): number {
  const list = Array.isArray(body) ? body : (body as { alerts?: unknown } | null)?.alerts;
  return Array.isArray(list) && list.length > 0 ? list.length : 1;
}
