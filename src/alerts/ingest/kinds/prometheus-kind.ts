import type { IngestKindDefinition } from '../ingest-kind-definition.js';
import { parsePrometheusAlerts } from '../parse-prometheus-alerts.js';

/**
 * Prometheus itself, as its `alerting.alertmanagers` target: the Alertmanager v2 API, which
 * answers 200 with no body. The key is the `authorization` credentials Prometheus sends.
 */
export const prometheusKind: IngestKindDefinition = {
  routes: [{ method: 'POST', path: '/api/v2/alerts' }],
  key: [{ in: 'credentials' }],
  settings: [],
  receive: async (body, { open, store, now }) => {
    const integration = await open();
    await store(integration, parsePrometheusAlerts(body, now()));
    return { status: 200 };
  },
};
