import { Type, type Static } from 'typebox';
import { defineChannelKind, type ChannelSendRequest } from '../channel-kind-definition.js';
import { httpUrlField, secretField } from '../channel-model.js';
import type { DeliveryResult } from '../delivery-result.js';
import type { NotificationKind } from '../templates/template-model.js';
import { postHttp } from './post-http.js';
import { signWebhookBody } from './webhook-signature.js';
import { fieldHint } from '../../core/field-hint.js';

// An HTTP token (RFC 9110): anything else would be refused by fetch at send time, too late.
const headerName = Type.String({ pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" });
const headerValue = Type.String({ pattern: '^[^\\r\\n\\u0000]*$', maxLength: 4000 });

/** A generic HTTP receiver: JSON body signed with HMAC-SHA256 of `timestamp.body` under `secret`. */
export const WebhookChannelSchema = Type.Object(
  {
    kind: Type.Literal('webhook'),
    url: Type.String(httpUrlField),
    secret: Type.String({
      ...secretField,
      minLength: 16,
      maxLength: 500,
      ...fieldHint(
        'HMAC-SHA256 key the receiver verifies X-Astreinte-Signature with',
        'clé HMAC-SHA256 avec laquelle le destinataire vérifie X-Astreinte-Signature',
      ),
    }),
    headers: Type.Optional(
      Type.Record(headerName, headerValue, {
        maxProperties: 20,
        additionalProperties: false,
        ...fieldHint(
          'sent as well; cannot replace Content-Type or X-Astreinte-*',
          'envoyés en plus ; ne peuvent remplacer Content-Type ni X-Astreinte-*',
        ),
      }),
    ),
  },
  { additionalProperties: false, title: 'WebhookChannel' },
);
export type WebhookChannelConfig = Static<typeof WebhookChannelSchema>;

/** The `event` field and X-Astreinte-Event header of each kind. */
export const webhookEventNames: Readonly<Record<NotificationKind, string>> = {
  triggered: 'incident.triggered',
  escalated: 'incident.escalated',
  acknowledged: 'incident.acknowledged',
  resolved: 'incident.resolved',
  status_reminder: 'incident.status_reminder',
  approval_requested: 'step.approval_requested',
  // Not about an incident: receivers that act on incident.* events can ignore it.
  test: 'channel.test',
};

// Ours are set last, so a configured header cannot replace them; the rest would corrupt the request.
const reservedHeaders = new Set([
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'expect',
]);

/** The receiver gets what happened (`event`) as structured fields, not only the rendered text. */
export interface WebhookSendRequest extends ChannelSendRequest<WebhookChannelConfig> {
  /** Clock of the signature timestamp; default the system clock. */
  now?: () => Date;
}

/**
 * POSTs `{event, deliveryId, occurredAt, incident, …, message}` as JSON, signed (see
 * `webhook-signature.ts`). X-Astreinte-Delivery carries the delivery id, the same on every retry:
 * receivers deduplicate on it. Only the recipient's id and name are sent, not their contacts.
 */
export async function sendWebhook(request: WebhookSendRequest): Promise<DeliveryResult> {
  const { config, event, message, recipient } = request;
  const vars = event.vars;
  const eventName = webhookEventNames[event.kind];
  const body = JSON.stringify({
    event: eventName,
    deliveryId: request.deliveryId,
    occurredAt: vars.occurredAt,
    incident: {
      id: vars.incidentId,
      title: vars.title,
      severity: vars.severity,
      status: vars.status,
      services: vars.services,
      summary: vars.summary,
      url: vars.incidentUrl,
    },
    level: vars.level ?? null,
    actor: vars.actor ?? null,
    silentMinutes: vars.silentMinutes ?? null,
    ackUrl: vars.ackUrl ?? null,
    runbooks: vars.runbooks ?? [],
    recipient:
      recipient.userId === undefined && recipient.name === undefined
        ? null
        : { userId: recipient.userId ?? null, name: recipient.name ?? null },
    message: { subject: message.subject, text: message.text },
  });
  const timestamp = Math.floor((request.now?.() ?? new Date()).getTime() / 1000);
  // Lower-cased: fetch would join `User-Agent` and `user-agent` into one value instead of replacing.
  const extra = Object.entries(config.headers ?? {})
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !reservedHeaders.has(name) && !name.startsWith('x-astreinte-'));
  const headers: Record<string, string> = {
    'user-agent': 'Astreinte-Webhook/1',
    ...Object.fromEntries(extra),
    'content-type': 'application/json; charset=utf-8',
    'x-astreinte-event': eventName,
    'x-astreinte-delivery': request.deliveryId,
    'x-astreinte-timestamp': String(timestamp),
    'x-astreinte-signature': signWebhookBody(config.secret, timestamp, body),
  };
  return (await postHttp(request, { url: config.url, headers, body })).result;
}

/** The webhook row of the channel kinds table: receivers deduplicate on X-Astreinte-Delivery. */
export const webhookChannel = defineChannelKind({
  schema: WebhookChannelSchema,
  send: sendWebhook,
  format: 'markdown',
  idempotent: true,
  contact: 'user',
  label: 'Signed HTTP webhook',
});
