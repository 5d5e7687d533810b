import { Type, type Static, type TSchema } from 'typebox';

export const channelKinds = ['email', 'webhook', 'slack', 'mattermost', 'teams', 'sms'] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const ChannelKindSchema = Type.Enum(channelKinds);

export const notificationLocales = ['fr', 'en'] as const;
export type NotificationLocale = (typeof notificationLocales)[number];
export const NotificationLocaleSchema = Type.Enum(notificationLocales);

/**
 * Marks a credential. `writeOnly` tells OpenAPI readers it is never sent back; `x-secret` is what
 * `channel-secrets.ts` looks for to seal it at rest and redact it when shown.
 */
const secret = { writeOnly: true, 'x-secret': true } as const;

const httpUrl = { format: 'uri', pattern: '^https?://', maxLength: 2000 } as const;
// An HTTP token (RFC 9110): anything else would be refused by fetch at send time, too late.
const headerName = Type.String({ pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" });
const headerValue = Type.String({ pattern: '^[^\\r\\n\\u0000]*$', maxLength: 4000 });
const e164 = '^\\+[1-9][0-9]{6,14}$';

/** The one SMTP relay all e-mail goes through; each user's address is in their `NotificationRecipient`. */
export const EmailChannelSchema = Type.Object(
  {
    kind: Type.Literal('email'),
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65_535, examples: [587, 465] }),
    secure: Type.Boolean({
      description: 'TLS from the first byte (port 465); false: plain connection upgraded by STARTTLS when offered',
    }),
    requireTls: Type.Optional(
      Type.Boolean({ description: 'with secure false: refuse to send when the server offers no STARTTLS' }),
    ),
    auth: Type.Optional(
      Type.Object(
        {
          user: Type.String({ minLength: 1, maxLength: 320 }),
          password: Type.String({ ...secret, minLength: 1, maxLength: 1000 }),
        },
        { additionalProperties: false },
      ),
    ),
    from: Type.String({
      pattern: '^[^\\r\\n]*@[^\\r\\n]*$',
      maxLength: 400,
      examples: ['Astreinte <astreinte@example.com>'],
    }),
  },
  { additionalProperties: false, title: 'EmailChannel' },
);
export type EmailChannelConfig = Static<typeof EmailChannelSchema>;

/** A generic HTTP receiver: JSON body signed with HMAC-SHA256 of `timestamp.body` under `secret`. */
export const WebhookChannelSchema = Type.Object(
  {
    kind: Type.Literal('webhook'),
    url: Type.String(httpUrl),
    secret: Type.String({
      ...secret,
      minLength: 16,
      maxLength: 500,
      description: 'HMAC-SHA256 key the receiver verifies X-Astreinte-Signature with',
    }),
    headers: Type.Optional(
      Type.Record(headerName, headerValue, {
        maxProperties: 20,
        additionalProperties: false,
        description: 'sent as well; cannot replace Content-Type or X-Astreinte-*',
      }),
    ),
  },
  { additionalProperties: false, title: 'WebhookChannel' },
);
export type WebhookChannelConfig = Static<typeof WebhookChannelSchema>;

// Chat incoming-webhook URLs carry their own credential (whoever has one can post), so they are secrets.
export const SlackChannelSchema = Type.Object(
  {
    kind: Type.Literal('slack'),
    url: Type.String({ ...secret, ...httpUrl, description: 'Slack incoming-webhook URL' }),
  },
  { additionalProperties: false, title: 'SlackChannel' },
);
export type SlackChannelConfig = Static<typeof SlackChannelSchema>;

/** Mattermost honours the overrides only when the server allows them (integration settings). */
export const MattermostChannelSchema = Type.Object(
  {
    kind: Type.Literal('mattermost'),
    url: Type.String({ ...secret, ...httpUrl, description: 'Mattermost incoming-webhook URL (…/hooks/<key>)' }),
    channel: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'channel name, or @username for a direct message' }),
    ),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    iconUrl: Type.Optional(Type.String(httpUrl)),
  },
  { additionalProperties: false, title: 'MattermostChannel' },
);
export type MattermostChannelConfig = Static<typeof MattermostChannelSchema>;

export const TeamsChannelSchema = Type.Object(
  {
    kind: Type.Literal('teams'),
    url: Type.String({
      ...secret,
      ...httpUrl,
      description: 'URL of a Teams Workflows "when a Teams webhook request is received" flow',
    }),
  },
  { additionalProperties: false, title: 'TeamsChannel' },
);
export type TeamsChannelConfig = Static<typeof TeamsChannelSchema>;

/** An SMS provider speaking Twilio's Messages API (Twilio itself, or a compatible gateway). */
export const SmsChannelSchema = Type.Object(
  {
    kind: Type.Literal('sms'),
    baseUrl: Type.String({ ...httpUrl, examples: ['https://api.twilio.com'] }),
    accountSid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'account SID, also the Basic auth user' }),
    authToken: Type.String({ ...secret, minLength: 1, maxLength: 500 }),
    from: Type.String({
      pattern: '^(\\+[1-9][0-9]{6,14}|[A-Za-z0-9 ]{1,11})$',
      description: 'E.164 number, or an alphanumeric sender id',
    }),
  },
  { additionalProperties: false, title: 'SmsChannel' },
);
export type SmsChannelConfig = Static<typeof SmsChannelSchema>;

export const ChannelConfigSchema = Type.Union(
  [
    EmailChannelSchema,
    WebhookChannelSchema,
    SlackChannelSchema,
    MattermostChannelSchema,
    TeamsChannelSchema,
    SmsChannelSchema,
  ],
  { title: 'ChannelConfig' },
);
export type ChannelConfig = Static<typeof ChannelConfigSchema>;

/** The schema of each kind, for code that walks one (secret paths) or validates a known kind. */
export const channelConfigSchemas: Readonly<Record<ChannelKind, TSchema>> = {
  email: EmailChannelSchema,
  webhook: WebhookChannelSchema,
  slack: SlackChannelSchema,
  mattermost: MattermostChannelSchema,
  teams: TeamsChannelSchema,
  sms: SmsChannelSchema,
};

/**
 * Who a notification is for. The per-user part (address, phone, time zone, language) is what a
 * user stores as their contact methods; chat and webhook channels post to the channel's own URL.
 */
export const NotificationRecipientSchema = Type.Object(
  {
    userId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ pattern: e164, description: 'E.164, e.g. +33612345678' })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, examples: ['Europe/Paris'] })),
    locale: Type.Optional(NotificationLocaleSchema),
  },
  { additionalProperties: false, title: 'NotificationRecipient' },
);
export type NotificationRecipient = Static<typeof NotificationRecipientSchema>;
