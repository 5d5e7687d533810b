import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingAlert, IntegrationKind } from '../../alerts/alert-model.js';
import { pingHeartbeat } from '../../alerts/heartbeats/ping-heartbeat.js';
import { parseAlertmanagerWebhook } from '../../alerts/ingest/parse-alertmanager-webhook.js';
import { parsePagerDutyEvent, pagerDutyErrorBody } from '../../alerts/ingest/parse-pagerduty-event.js';
import { parsePrometheusAlerts } from '../../alerts/ingest/parse-prometheus-alerts.js';
import { parseWebhookPayload } from '../../alerts/ingest/parse-webhook-payload.js';
import { parseWebhookMapping } from '../../alerts/ingest/webhook-mapping.js';
import { endpointOf } from '../../alerts/integration-model.js';
import type { IngestIntegration } from '../../alerts/integrations/integration-keys.js';
import { AppError } from '../../core/app-error.js';
import { toAppError } from '../error-mapping.js';
import type { App, HttpDeps } from '../http-deps.js';
import { integrationKeyOf } from '../integration-key-of.js';
import { systemCtx } from '../../core/context.js';

/**
 * The ways alerts come in. None takes an API token: each integration has its own key (a wrong or
 * disabled key answers 401 and stores nothing). A 2xx answer is sent only once the alerts are
 * committed (see AlertWriter).
 */
export function registerAlertIngestRoutes(app: App, deps: HttpDeps): void {
  const { keys, writer, catalogue } = deps.alerts;
  const integrationFor = async (key: string | undefined, kind: IntegrationKind): Promise<IngestIntegration> => {
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
  const store = (integration: IngestIntegration, alerts: IncomingAlert[]) => writer.submit({ integration, alerts });

  // Prometheus's `alerting.alertmanagers` target: the Alertmanager v2 API (answers 200, empty).
  app.post('/api/v2/alerts', { schema: { hide: true } }, async (request, reply) => {
    const integration = await integrationFor(integrationKeyOf(request), 'prometheus');
    await store(integration, parsePrometheusAlerts(request.body, deps.now()));
    return reply.status(200).send();
  });

  // An Alertmanager `webhook_configs` receiver.
  app.post('/integrations/alertmanager', { schema: { hide: true } }, async (request, reply) => {
    const integration = await integrationFor(integrationKeyOf(request), 'alertmanager');
    const alerts = parseAlertmanagerWebhook(request.body, deps.now());
    await store(integration, alerts);
    return reply.status(200).send({ status: 'success', alerts: alerts.length });
  });

  // PagerDuty Events API v2: the routing key is the integration key; errors in PagerDuty's shape.
  app.post('/v2/enqueue', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const event = parsePagerDutyEvent(request.body, deps.now());
      const integration = await integrationFor(event.routingKey, 'pagerduty');
      await store(integration, [event.alert]);
      return await reply.status(202).send({ status: 'success', message: 'Event processed', dedup_key: event.dedupKey });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'validation_failed') return reply.status(400).send(pagerDutyErrorBody(appError));
      if (appError.code === 'unauthenticated')
        return reply
          .status(401)
          .send({ status: 'invalid event', message: 'Invalid routing key', errors: [appError.message] });
      throw error;
    }
  });

  // A generic JSON webhook, read with the integration's mapping.
  app.post('/integrations/webhook', { schema: { hide: true } }, async (request, reply) => {
    const integration = await integrationFor(integrationKeyOf(request), 'webhook');
    const alerts = parseWebhookPayload(request.body, parseWebhookMapping(integration.stored.mapping), deps.now());
    await store(integration, alerts);
    return reply.status(202).send({ status: 'success', alerts: alerts.length });
  });

  // A job's heartbeat: cron jobs call a URL, so the key may be in it (`curl -fsS …/integrations/heartbeat/KEY`).
  const ping = async (request: FastifyRequest<{ Params: { key: string } }>) => {
    const integration = await integrationFor(request.params.key, 'heartbeat');
    const ctx = systemCtx(deps.db, deps.now, request.id);
    return { status: 'up', ...(await pingHeartbeat({ ctx, integration, catalogue })) };
  };
  app.get('/integrations/heartbeat/:key', { schema: { hide: true } }, ping);
  app.post('/integrations/heartbeat/:key', { schema: { hide: true } }, ping);
}
