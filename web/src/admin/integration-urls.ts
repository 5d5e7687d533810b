import type { MessageKey } from '../i18n';
import type { IntegrationKind } from './admin-types';

/**
 * Where each kind of integration sends its alerts on this server (README, "Alerts"), and how it
 * gives its key. The origin is the one the console is served from: the address senders reach
 * too, unless a proxy says otherwise, which the admin then knows better than the page.
 */
const ingestPaths: Record<IntegrationKind, string> = {
  prometheus: '/api/v2/alerts',
  alertmanager: '/integrations/alertmanager',
  pagerduty: '/v2/enqueue',
  webhook: '/integrations/webhook',
  heartbeat: '/integrations/heartbeat/',
};

/** How the sender presents the key, per kind: a sentence for the page. */
export const keyUsage: Record<IntegrationKind, MessageKey> = {
  prometheus: 'admin.integrations.usage.prometheus',
  alertmanager: 'admin.integrations.usage.alertmanager',
  pagerduty: 'admin.integrations.usage.pagerduty',
  webhook: 'admin.integrations.usage.webhook',
  heartbeat: 'admin.integrations.usage.heartbeat',
};

/** The marker standing for the key in a heartbeat URL when the key itself is not known any more. */
export const keyPlaceholder = 'KEY';

/**
 * The full URL a sender of this kind posts to. Only a heartbeat's holds the key (cron jobs call a
 * URL); the others send it in a header or the body, so their URL is the same for every integration.
 */
export function ingestUrl(
  kind: IntegrationKind,
  key: string | null = null,
  origin: string = window.location.origin,
): string {
  const path = ingestPaths[kind];
  return kind === 'heartbeat' ? `${origin}${path}${encodeURIComponent(key ?? keyPlaceholder)}` : `${origin}${path}`;
}

/** A starting webhook mapping: the least the server accepts (a title), with the usual extras. */
export const defaultWebhookMapping = JSON.stringify(
  { title: '$.title', severity: '$.severity', dedupKey: '$.id', status: '$.status' },
  null,
  2,
);

/** Whole seconds from a field, or null when it is empty or not a number. */
export function secondsOf(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? Math.round(value) : null;
}
