import type { Ctx } from '../../core/context.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import type { NewTimelineEvent } from '../../incidents/timeline-events.js';
import type { DeliveryRef } from '../../incidents/timeline-response-payloads.js';
import type { DeliveryContext } from './delivery-context.js';

/** A delivery's status and, when given, its last error (kept otherwise). */
export const setDeliveryStatus = `UPDATE notification_deliveries SET status = $2, updated_at = $3, last_error = COALESCE($4, last_error) WHERE id = $1`;

/** What every notification event says of its delivery (the key order is jsonb's, not this one's). */
export function deliveryRef(delivery: DeliveryContext): DeliveryRef {
  return {
    deliveryId: delivery.id,
    channel: delivery.channelId,
    kind: delivery.channelConfig.kind,
    recipient: delivery.recipient.name ?? null,
  };
}

/** A delivery's events go to its incident's timeline; one of no incident has none. */
export async function deliveryTimeline(ctx: Ctx, delivery: DeliveryContext, event: NewTimelineEvent): Promise<void> {
  if (delivery.incident === null) return;
  await appendIncidentEvent(ctx, delivery.incident.id, event);
}

/** A delivery whose attempt lost its node, on a channel that cannot dedup: shown as unknown, never sent twice. */
export async function markDeliveryUnknown(ctx: Ctx, delivery: DeliveryContext): Promise<void> {
  await ctx.db.query(setDeliveryStatus, [
    delivery.id,
    'unknown',
    ctx.now(),
    'the node sending it stopped before recording the outcome',
  ]);
  await deliveryTimeline(ctx, delivery, {
    type: 'notification_unknown',
    payload: {
      ...deliveryRef(delivery),
      note: `may or may not have reached ${delivery.recipient.name ?? 'the recipient'}: not sent again (${delivery.channelConfig.kind} has no idempotency key)`,
    },
  });
}
