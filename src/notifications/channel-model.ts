import { Type, type Static } from 'typebox';
import { fieldHint } from '../core/field-hint.js';

export const notificationLocales = ['fr', 'en'] as const;
export type NotificationLocale = (typeof notificationLocales)[number];
export const NotificationLocaleSchema = Type.Enum(notificationLocales);

/**
 * Marks a credential in a channel kind's configuration schema. `writeOnly` tells OpenAPI readers it
 * is never sent back; `x-secret` is what `channel-secrets.ts` looks for to seal it at rest and
 * redact it when shown (a secret with `format: 'uri'` keeps its origin when redacted).
 */
export const secretField = { writeOnly: true, 'x-secret': true } as const;

/** An http(s) URL field of a channel configuration. */
export const httpUrlField = { format: 'uri', pattern: '^https?://', maxLength: 2000 } as const;

const e164 = '^\\+[1-9][0-9]{6,14}$';

/**
 * Who a notification is for. The per-user part (address, phone, time zone, language) is what a
 * user stores as their contact methods; chat and webhook channels post to the channel's own URL.
 */
export const NotificationRecipientSchema = Type.Object(
  {
    userId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(
      Type.String({ pattern: e164, ...fieldHint('E.164, e.g. +33612345678', 'E.164, par ex. +33612345678') }),
    ),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, examples: ['Europe/Paris'] })),
    locale: Type.Optional(NotificationLocaleSchema),
  },
  { additionalProperties: false, title: 'NotificationRecipient' },
);
export type NotificationRecipient = Static<typeof NotificationRecipientSchema>;
