import type { Queryable } from '../../storage/database.js';
import { channelKind, type ChannelKind } from '../channel-kinds.js';
import type { NotificationVars } from '../templates/template-model.js';
import type { DeliveryContext } from '../store/delivery-context.js';
import { issueReplyCode } from './reply-codes.js';

/**
 * A page sent as an SMS carries the code its recipient replies with ("Reply ACK 1234"): issued
 * here, in the delivery's transaction, so that the code exists before the message leaves. Other
 * channels, and messages that are not pages of a person, carry none.
 */
export async function withReplyCode(
  db: Queryable,
  vars: NotificationVars,
  delivery: DeliveryContext,
  kind: ChannelKind,
  now: Date,
): Promise<NotificationVars> {
  const userId = delivery.recipient.userId;
  if (channelKind(kind).format !== 'sms' || delivery.message.kind !== 'page' || userId === undefined) return vars;
  if (delivery.incident === null) return vars;
  const ackCode = await issueReplyCode(db, { incidentId: delivery.incident.id, userId, purpose: 'acknowledge', now });
  return { ...vars, ackCode };
}
