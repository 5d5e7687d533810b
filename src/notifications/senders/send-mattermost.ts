import { Type, type Static } from 'typebox';
import type { Severity } from '../../incidents/incident-model.js';
import { defineChannelKind } from '../channel-kind-definition.js';
import { httpUrlField, secretField } from '../channel-model.js';
import type { DeliveryResult, SendRequest } from '../delivery-result.js';
import { postHttp } from './post-http.js';
import { fieldHint } from '../../core/field-hint.js';

/** Side bar colour of chat posts by severity. */
export const severityColors: Readonly<Record<Severity, string>> = {
  P1: '#d32f2f',
  P2: '#f57c00',
  P3: '#fbc02d',
  P4: '#1976d2',
};

/** Mattermost honours the overrides only when the server allows them (integration settings). */
export const MattermostChannelSchema = Type.Object(
  {
    kind: Type.Literal('mattermost'),
    url: Type.String({
      ...secretField,
      ...httpUrlField,
      ...fieldHint(
        'Mattermost incoming-webhook URL (…/hooks/<key>)',
        'URL du webhook entrant Mattermost (…/hooks/<clé>)',
      ),
    }),
    channel: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        ...fieldHint(
          'channel name, or @username for a direct message',
          'nom du canal, ou @utilisateur pour un message direct',
        ),
      }),
    ),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    iconUrl: Type.Optional(Type.String(httpUrlField)),
  },
  { additionalProperties: false, title: 'MattermostChannel' },
);
export type MattermostChannelConfig = Static<typeof MattermostChannelSchema>;

/**
 * Posts to a Mattermost incoming webhook. Mattermost takes Slack's `text` and legacy
 * `attachments` (with `fallback`, `color`, `title`, `text`), plus `channel`, `username`,
 * `icon_url`, `icon_emoji`, `props` and `priority` of its own; it does not render Slack's Block Kit
 * `blocks`, so the body goes in one attachment coloured by severity, the subject as the post text.
 * The body is standard Markdown (render for channel 'mattermost'). No idempotency key either.
 */
export async function sendMattermost(request: SendRequest<MattermostChannelConfig>): Promise<DeliveryResult> {
  const { config, message } = request;
  const body = JSON.stringify({
    text: message.subject,
    attachments: [
      {
        fallback: message.short,
        ...(message.severity === undefined ? {} : { color: severityColors[message.severity] }),
        text: message.text,
      },
    ],
    ...(config.channel === undefined ? {} : { channel: config.channel }),
    ...(config.username === undefined ? {} : { username: config.username }),
    ...(config.iconUrl === undefined ? {} : { icon_url: config.iconUrl }),
  });
  return (
    await postHttp(request, { url: config.url, headers: { 'content-type': 'application/json; charset=utf-8' }, body })
  ).result;
}

/** The Mattermost row of the channel kinds table. */
export const mattermostChannel = defineChannelKind({
  schema: MattermostChannelSchema,
  send: sendMattermost,
  format: 'markdown',
  idempotent: false,
  contact: 'chat',
  label: 'Mattermost',
});
