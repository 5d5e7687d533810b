import type { FieldIssue } from '../../../core/app-error.js';
import type { IngestKindDefinition } from '../ingest-kind-definition.js';
import { parseWebhookPayload } from '../parse-webhook-payload.js';
import { parseWebhookMapping } from '../webhook-mapping.js';

/**
 * A generic JSON webhook, read with the integration's `mapping` (which it must have: it is
 * checked when saved, so ingestion never meets a bad one). Answers 202 with the count read.
 */
export const webhookKind: IngestKindDefinition = {
  routes: [{ method: 'POST', path: '/integrations/webhook' }],
  key: [{ in: 'credentials' }],
  settings: ['mapping'],
  checkSettings: (settings, path) => {
    if (settings.mapping === undefined) return [];
    try {
      parseWebhookMapping(settings.mapping);
      return [];
    } catch (error) {
      const nested = (error as { details?: { issues?: FieldIssue[] } }).details?.issues ?? [
        { path: '', message: String(error) },
      ];
      return nested.map((issue) => ({ path: `${path}/mapping${issue.path}`, message: issue.message }));
    }
  },
  receive: async (body, { open, store, now }) => {
    const integration = await open();
    const alerts = parseWebhookPayload(body, parseWebhookMapping(integration.stored.mapping), now());
    await store(integration, alerts);
    return { status: 202, body: { status: 'success', alerts: alerts.length } };
  },
};
