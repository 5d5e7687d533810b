import type { IngestKindDefinition } from '../ingest-kind-definition.js';
import { parseAlertmanagerWebhook } from '../parse-alertmanager-webhook.js';

/** An Alertmanager `webhook_configs` receiver; the key is its `http_config.authorization`. */
export const alertmanagerKind: IngestKindDefinition = {
  routes: [{ method: 'POST', path: '/integrations/alertmanager' }],
  key: [{ in: 'credentials' }],
  settings: [],
  // Alertmanager's webhook notifier retries 5xx only (its notify.Retrier without RetryCodes): a
  // 429 would drop the notification for good, a 503 is retried with backoff.
  overloadStatus: 503,
  receive: async (body, { open, store, now }) => {
    const integration = await open();
    const alerts = parseAlertmanagerWebhook(body, now());
    await store(integration, alerts);
    return { status: 200, body: { status: 'success', alerts: alerts.length } };
  },
};
