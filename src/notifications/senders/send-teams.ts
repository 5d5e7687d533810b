import { Type, type Static } from 'typebox';
import type { Severity } from '../../incidents/incident-model.js';
import { defineChannelKind } from '../channel-kind-definition.js';
import { httpUrlField, secretField } from '../channel-model.js';
import type { DeliveryResult, SendRequest } from '../delivery-result.js';
import { postHttp } from './post-http.js';
import { fieldHint } from '../../core/field-hint.js';

const headerColors: Readonly<Record<Severity, string>> = {
  P1: 'Attention',
  P2: 'Attention',
  P3: 'Warning',
  P4: 'Accent',
};
const listItem = /^\s*(-|\d+\.)\s/;

// The flow's URL carries its signature (`sig=`): whoever has it can post, so it is a secret.
export const TeamsChannelSchema = Type.Object(
  {
    kind: Type.Literal('teams'),
    url: Type.String({
      ...secretField,
      ...httpUrlField,
      ...fieldHint(
        'URL of a Teams Workflows "when a Teams webhook request is received" flow',
        "URL d'un flux Teams Workflows « Lors de la réception d'une requête de webhook Teams »",
      ),
    }),
  },
  { additionalProperties: false, title: 'TeamsChannel' },
);
export type TeamsChannelConfig = Static<typeof TeamsChannelSchema>;

/**
 * Posts an Adaptive Card to a Microsoft Teams webhook, in the shape the Workflows app's "when a
 * Teams webhook request is received" trigger expects: `{type: 'message', attachments: [{contentType:
 * 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: <card>}]}`. The retiring
 * Office 365 connector webhooks accept the same shape; MessageCard, which Workflows refuse, is not
 * used. Workflows answer 202 (queued: a failure of the flow itself is not seen here), connectors 200.
 * Card version 1.4: what Teams renders on every client. No idempotency key.
 */
export async function sendTeams(request: SendRequest<TeamsChannelConfig>): Promise<DeliveryResult> {
  const { message } = request;
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
    body: [
      {
        type: 'TextBlock',
        text: message.subject,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        ...(message.severity === undefined ? {} : { color: headerColors[message.severity] }),
      },
      ...toTextBlocks(message.text).map((text) => ({ type: 'TextBlock', text, wrap: true })),
    ],
  };
  const body = JSON.stringify({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  });
  return (
    await postHttp(request, {
      url: request.config.url,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    })
  ).result;
}

/**
 * One TextBlock per paragraph. Teams' card Markdown has no headings or tables, ignores a single
 * newline, and wants list items separated by `\r` (a blank line between them indents the next):
 * so lines are joined by `\n\n`, except one list item to the next.
 */
export function toTextBlocks(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) =>
      lines.reduce((text, line, index) => {
        if (index === 0) return line;
        const separator = listItem.test(line) && listItem.test(lines[index - 1]!) ? '\r' : '\n\n';
        return `${text}${separator}${line}`;
      }, ''),
    );
}

/** The Microsoft Teams row of the channel kinds table. */
export const teamsChannel = defineChannelKind({
  schema: TeamsChannelSchema,
  send: sendTeams,
  format: 'markdown',
  idempotent: false,
  contact: 'chat',
  label: 'Microsoft Teams',
});
