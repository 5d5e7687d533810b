import type { Ctx } from '../../core/context.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import { contactOf } from '../../notifications/channel-kind-definition.js';
import { channelKind, type ChannelKind } from '../../notifications/channel-kinds.js';
import type { NotificationRule } from '../people/set-notification-rules.js';
import { ruleIsFor, type Urgency } from '../people/urgency.js';

type UserRow = {
  id: string;
  email: string;
  phone: string | null;
  chat_handle: string | null;
  notification_rules: NotificationRule[];
};

const selectUsers = `SELECT id, email, phone, chat_handle, notification_rules FROM users WHERE id = ANY($1::uuid[]) AND deactivated_at IS NULL`;
const selectChannels = `SELECT id, kind FROM notification_channels WHERE enabled ORDER BY id`;
const insertDelivery = `
  INSERT INTO notification_deliveries (id, incident_id, user_id, channel_id, kind, recipient, status, message, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $8)
  ON CONFLICT (id) DO NOTHING`;

/** What to send to whom: the delivery's kind and message, and each delivery's deterministic id. */
export interface RuleDeliveries {
  incidentId: string;
  users: readonly string[];
  urgency: Urgency;
  /** The `kind` column: `page`, `approval`… */
  kind: string;
  message: Record<string, unknown>;
  /** Letters, digits, dots and dashes: the id travels as an idempotency key (webhook header, Message-ID). */
  idOf: (userId: string, ruleIndex: number) => string;
}

/** The person's address for a kind, by the contact field its row of the channel kinds table names. */
function recipientOf(user: UserRow, channel: ChannelKind): string | null {
  return contactOf(channelKind(channel).contact, {
    id: user.id,
    email: user.email,
    phone: user.phone,
    chatHandle: user.chat_handle,
  });
}

/**
 * Queues one message to each person through their notification rules for the urgency (the rule's
 * own, or `any`; on the first enabled channel of that kind), each due after its rule's delay.
 * Deliveries have deterministic ids: queuing the same message twice queues nothing more. Returns
 * how many were queued; a rule without a channel or without an address (no phone for SMS) is skipped.
 */
export async function queueRuleDeliveries(ctx: Ctx, deliveries: RuleDeliveries): Promise<number> {
  if (deliveries.users.length === 0) return 0;
  const now = ctx.now();
  const { rows: users } = await ctx.db.query<UserRow>(selectUsers, [deliveries.users]);
  const { rows: channels } = await ctx.db.query<{ id: string; kind: ChannelKind }>(selectChannels);
  let queued = 0;
  for (const user of users) {
    for (const [index, rule] of user.notification_rules.entries()) {
      // The index stays the rule's place in the whole list: the delivery ids of old messages keep their meaning.
      if (!ruleIsFor(rule, deliveries.urgency)) continue;
      // The channel first: a stored rule whose kind no enabled channel has is skipped before its row is read.
      const channel = channels.find((candidate) => candidate.kind === rule.channel);
      if (channel === undefined) continue;
      const recipient = recipientOf(user, channel.kind);
      if (recipient === null) continue;
      const id = deliveries.idOf(user.id, index);
      await ctx.db.query(insertDelivery, [
        id,
        deliveries.incidentId,
        user.id,
        channel.id,
        deliveries.kind,
        recipient,
        JSON.stringify(deliveries.message),
        now,
      ]);
      await scheduleTimer(ctx.db, {
        id: `deliver:${id}`,
        kind: timerKinds.deliver,
        dueAt: new Date(now.getTime() + rule.delayMinutes * 60_000),
        payload: { deliveryId: id },
      });
      queued += 1;
    }
  }
  return queued;
}
