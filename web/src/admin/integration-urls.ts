import type { MessageKey } from '../i18n';
import type { IntegrationKind } from './admin-types';

/** How the sender presents the key, per kind: a sentence for the page (one string per kind of the server's table). */
export function keyUsage(kind: IntegrationKind): MessageKey {
  return `admin.integrations.usage.${kind}`;
}

/** The marker standing for the key in a heartbeat URL when the key itself is not known any more. */
export const keyPlaceholder = 'KEY';

/**
 * The full URL a sender posts to: the server's `endpoint` for its kind (README, "Alerts") on the
 * origin the console is served from — the address senders reach too, unless a proxy says
 * otherwise, which the admin then knows better than the page. Only an endpoint with `{key}` (a
 * heartbeat's: cron jobs call a URL) holds the key; the others are the same for every integration.
 */
export function ingestUrl(
  endpoint: string,
  key: string | null = null,
  origin: string = window.location.origin,
): string {
  return `${origin}${endpoint.replace('{key}', encodeURIComponent(key ?? keyPlaceholder))}`;
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
