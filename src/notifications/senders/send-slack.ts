import { Type, type Static } from 'typebox';
import { defineChannelKind } from '../channel-kind-definition.js';
import { httpUrlField, secretField } from '../channel-model.js';
import type { DeliveryResult, SendRequest } from '../delivery-result.js';
import { escapeSlackText } from '../templates/chat-dialects.js';
import { postHttp } from './post-http.js';
import { fieldHint } from '../../core/field-hint.js';

// Block Kit limits: a header's plain text, a section's text.
const headerMax = 150;
const sectionMax = 3000;

// Chat incoming-webhook URLs carry their own credential (whoever has one can post), so they are secrets.
export const SlackChannelSchema = Type.Object(
  {
    kind: Type.Literal('slack'),
    url: Type.String({
      ...secretField,
      ...httpUrlField,
      ...fieldHint('Slack incoming-webhook URL', 'URL du webhook entrant Slack'),
    }),
  },
  { additionalProperties: false, title: 'SlackChannel' },
);
export type SlackChannelConfig = Static<typeof SlackChannelSchema>;

/**
 * Posts to a Slack incoming webhook: `text` (what notifications and old clients show) plus Block
 * Kit blocks, a header with the subject and a section with the body. The body must have been
 * rendered for channel 'slack' (mrkdwn links and escaping). Slack answers 200 "ok"; 400
 * invalid_payload, 403, 404 no_service and 410 channel_is_archived are not retried, 429 is.
 * Incoming webhooks take no idempotency key: a retry after a timeout may post twice.
 */
export async function sendSlack(request: SendRequest<SlackChannelConfig>): Promise<DeliveryResult> {
  const { message } = request;
  const body = JSON.stringify({
    text: escapeSlackText(message.short),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(message.subject, headerMax), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(message.text, sectionMax) } },
    ],
  });
  return (
    await postHttp(request, {
      url: request.config.url,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    })
  ).result;
}

// Block Kit refuses a longer field outright: better a cut message than none.
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The Slack row of the channel kinds table. */
export const slackChannel = defineChannelKind({
  schema: SlackChannelSchema,
  send: sendSlack,
  format: 'slack',
  idempotent: false,
  contact: 'chat',
  label: 'Slack',
});
