import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/context.js';
import { contactOf } from '../channel-kind-definition.js';
import { channelKind } from '../channel-kinds.js';
import type { NotificationRecipient } from '../channel-model.js';
import type { DeliveryResult } from '../delivery-result.js';
import { renderNotification } from '../templates/render-notification.js';
import type { NotificationVars } from '../templates/template-model.js';
import type { ChannelRow } from './channel-record.js';
import { dispatchSend } from './dispatch-send.js';
import { openChannelConfig } from './open-channel-secret.js';
import { loadTemplateOverride } from './put-template.js';

export const selectTestPerson = `SELECT id::text AS id, name, email, phone, chat_handle, time_zone, locale FROM users WHERE id::text = $1`;

/** A person a test message goes to, as `selectTestPerson` reads them. */
export interface TestPersonRow {
  [column: string]: unknown;
  id: string;
  name: string;
  email: string;
  phone: string | null;
  chat_handle: string | null;
  time_zone: string | null;
  locale: 'en' | 'fr' | null;
}

/** What one test message came to: the address it went to (null for channels that post to one place) and the sender's result. */
export interface TestMessageResult {
  to: string | null;
  result: DeliveryResult;
  deliveryId: string;
}

/**
 * Renders the `test` notification for a channel and sends it to a person (or, without one, to where
 * the channel always posts) through the channel's sender — outside the retry policy and the circuit
 * breaker: a test is how one finds out that a channel works again. Shared by a channel's test and a
 * person's test page; the caller authorizes and audits.
 */
export async function sendTestMessage(
  ctx: Ctx,
  options: {
    channel: ChannelRow;
    person: TestPersonRow | undefined;
    summary: string;
    pagePath: string;
    secretKey: Buffer;
    baseUrl: string;
  },
): Promise<TestMessageResult> {
  const { channel, person } = options;
  const row = channelKind(channel.kind);
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
    summary: options.summary,
    incidentUrl: `${options.baseUrl.replace(/\/$/, '')}${options.pagePath}`,
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
  const result = await dispatchSend(openChannelConfig(channel.id, channel.config, options.secretKey), {
    message,
    recipient,
    deliveryId,
    kind: 'test',
    vars,
  });
  return { to, result, deliveryId };
}

function recipientOf(person: TestPersonRow): NotificationRecipient {
  return {
    userId: person.id,
    name: person.name,
    email: person.email,
    ...(person.phone === null ? {} : { phone: person.phone }),
    timeZone: person.time_zone ?? 'UTC',
    locale: person.locale ?? 'en',
  };
}
