/**
 * The notification channel kinds: one row per kind, its configuration schema, sender, message
 * format, idempotency, contact field and label, each defined in its own `senders/send-<kind>.ts`.
 * Everything else derives from this table: the `ChannelKind` and `ChannelConfig` types, the API
 * schemas (hence OpenAPI), the secret fields (`channel-secrets.ts`), which sender, renderer and
 * recovery apply to a delivery, whom a page is addressed to. Adding a kind: one file, one row.
 */
import { Type, type Static, type TUnion } from 'typebox';
import type { ChannelKindDefinition } from './channel-kind-definition.js';
import { emailChannel } from './senders/send-email.js';
import { mattermostChannel } from './senders/send-mattermost.js';
import { slackChannel } from './senders/send-slack.js';
import { smsChannel } from './senders/send-sms.js';
import { teamsChannel } from './senders/send-teams.js';
import { webhookChannel } from './senders/send-webhook.js';

export const channelKinds = {
  email: emailChannel,
  webhook: webhookChannel,
  slack: slackChannel,
  mattermost: mattermostChannel,
  teams: teamsChannel,
  sms: smsChannel,
} as const satisfies Record<string, ChannelKindDefinition>;

export type ChannelKind = keyof typeof channelKinds;
/** The kinds in the table's order (the order of the API's lists). */
export const channelKindNames = Object.keys(channelKinds) as ChannelKind[];

export const ChannelKindSchema = Type.Enum(channelKindNames, {
  description: channelKindNames.map((kind) => `${kind}: ${channelKinds[kind].label}`).join('; '),
});

type ChannelConfigSchemas = (typeof channelKinds)[ChannelKind]['schema'];

/**
 * Any kind's configuration, told apart by `kind`. Typed as a one-element union of all the
 * schemas: TypeBox reads a union's static type from a tuple, and a list built from the table
 * cannot be one; `Static` of the element spreads over the kinds all the same.
 */
export const ChannelConfigSchema = Type.Union(
  channelKindNames.map((kind): ChannelConfigSchemas => channelKinds[kind].schema),
  { title: 'ChannelConfig' },
) as TUnion<[ChannelConfigSchemas]>;
export type ChannelConfig = Static<typeof ChannelConfigSchema>;

/** One kind's row, seen through the interface common to all: for code that works on any kind. */
export function channelKind(kind: ChannelKind): ChannelKindDefinition {
  return channelKinds[kind];
}
