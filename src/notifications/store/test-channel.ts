import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { contactOf } from '../channel-kind-definition.js';
import { channelKind } from '../channel-kinds.js';
import type { NotificationRecipient } from '../channel-model.js';
import { renderNotification } from '../templates/render-notification.js';
import type { NotificationVars } from '../templates/template-model.js';
import { channelColumns, type ChannelRow } from './channel-record.js';
import { dispatchSend } from './dispatch-send.js';
import { openChannelConfig } from './open-channel-secret.js';
import { loadTemplateOverride } from './put-template.js';

export const ChannelTestSchema = Type.Object(
  {
    channelId: Type.String(),
    outcome: Type.Enum(['sent', 'failed'] as const),
    to: Type.Union([Type.String(), Type.Null()], {
      description: "the address it went to (the admin's own contact), null for channels that post to one place",
    }),
    status: Type.Optional(Type.Integer({ description: 'HTTP status, or SMTP reply code' })),
    error: Type.Optional(Type.String()),
    retryable: Type.Boolean(),
    deliveryId: Type.String(),
  },
  { title: 'NotificationChannelTest' },
);
export type ChannelTest = Static<typeof ChannelTestSchema>;

const selectChannel = `SELECT ${channelColumns} FROM notification_channels WHERE id = $1`;
const selectPerson = `SELECT id::text AS id, name, email, phone, chat_handle, time_zone, locale FROM users WHERE id::text = $1`;

interface PersonRow {
  [column: string]: unknown;
  id: string;
  name: string;
  email: string;
  phone: string | null;
  chat_handle: string | null;
  time_zone: string | null;
  locale: 'en' | 'fr' | null;
}

/**
 * Sends a test message through a channel, to the admin who asks (their own e-mail or phone; chat
 * channels post where they always post), and says what came of it (admin; audited with the
 * outcome). It goes through the channel's sender as a page would — the same timeout, no redirect
 * followed, the answer bounded — but outside the retry policy and the circuit breaker: a test is
 * how one finds out that a channel works again. A disabled channel can be tested before enabling it.
 */
export async function testChannel({
  ctx,
  input,
  secretKey,
  baseUrl,
}: {
  ctx: Ctx;
  input: { id: string };
  secretKey: Buffer | null;
  baseUrl: string;
}): Promise<ChannelTest> {
  requireRole(ctx, 'admin');
  if (secretKey === null)
    throw conflict('notification channels need ASTREINTE_SECRET_KEY (their secrets are sealed with it)', {
      requires: 'ASTREINTE_SECRET_KEY',
    });
  const { rows } = await ctx.db.query<ChannelRow>(selectChannel, [input.id]);
  const channel = rows[0];
  if (channel === undefined) throw notFound('notification channel', input.id);
  const row = channelKind(channel.kind);
  const person =
    ctx.actor.type === 'user' ? (await ctx.db.query<PersonRow>(selectPerson, [ctx.actor.id])).rows[0] : undefined;
  const recipient: NotificationRecipient = person === undefined ? { name: ctx.actor.name } : recipientOf(person);
  const to =
    person === undefined || row.contact === 'chat' || row.contact === 'user'
      ? null
      : contactOf(row.contact, {
          id: person.id,
          email: person.email,
          phone: person.phone,
          chatHandle: person.chat_handle,
        });
  const locale = recipient.locale ?? 'en';
  const vars: NotificationVars = {
    incidentId: 'TEST',
    title: channel.name,
    severity: 'P4',
    status: 'resolved',
    services: [],
    summary: `${ctx.actor.name} → ${channel.name} (${row.label})`,
    incidentUrl: `${baseUrl.replace(/\/$/, '')}/admin/notification-channels`,
    occurredAt: ctx.now().toISOString(),
    timeZone: recipient.timeZone ?? 'UTC',
  };
  const override = await loadTemplateOverride(ctx.db, 'test', locale, channel.kind);
  const message = renderNotification({
    kind: 'test',
    locale,
    channel: channel.kind,
    vars,
    ...(override === undefined ? {} : { override }),
  });
  const deliveryId = `test-${randomUUID()}`;
  const result = await dispatchSend(openChannelConfig(channel.id, channel.config, secretKey), {
    message,
    recipient,
    deliveryId,
    kind: 'test',
    vars,
  });
  const outcome: ChannelTest = {
    channelId: channel.id,
    outcome: result.outcome,
    to,
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.error === undefined ? {} : { error: result.error }),
    retryable: result.retryable,
    deliveryId,
  };
  // Recorded after the attempt, not around it: no transaction stays open while a server answers.
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'notification_channel.test',
      targetType: 'notification_channel',
      targetId: channel.id,
      details: {
        kind: channel.kind,
        outcome: result.outcome,
        status: result.status ?? null,
        error: result.error ?? null,
      },
    }),
  );
  return outcome;
}

function recipientOf(person: PersonRow): NotificationRecipient {
  return {
    userId: person.id,
    name: person.name,
    email: person.email,
    ...(person.phone === null ? {} : { phone: person.phone }),
    timeZone: person.time_zone ?? 'UTC',
    locale: person.locale ?? 'en',
  };
}
