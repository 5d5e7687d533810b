import { systemCtx, type Ctx } from '../../core/context.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import { updateBreaker } from '../circuit-breaker.js';
import type { DeliveryResult } from '../delivery-result.js';
import { planRetry } from '../retry-policy.js';
import { loadDeliveryContext, type DeliveryContext } from './delivery-context.js';
import { deliveryRef, deliveryTimeline, setDeliveryStatus } from './delivery-events.js';
import type { DeliveryAttempt, DeliveryDeps } from './handle-deliver.js';

const saveBreaker = `UPDATE notification_channels SET breaker = $2 WHERE id = $1`;

/** The outcome of one attempt, in its own transaction: sent, retried later, or dead-lettered. */
export async function recordDeliveryOutcome(
  deps: DeliveryDeps,
  delivery: DeliveryContext,
  attempt: number,
  result: DeliveryResult,
): Promise<void> {
  const recordedAt = await deps.db.transaction(async (tx) => {
    const current = await loadDeliveryContext(tx, delivery.id);
    // A check took over (this node was too slow): its decision stands.
    if (current === null || current.status !== 'sending' || current.attempts !== attempt) return null;
    const now = deps.now();
    const ctx: Ctx = systemCtx(tx, deps.now, `delivery:${delivery.id}`);
    const breaker = updateBreaker(current.breaker, result, now);
    if (breaker !== current.breaker) await tx.query(saveBreaker, [delivery.channelId, JSON.stringify(breaker)]);
    const decision = planRetry({ attempt, result, now });
    if (decision.action === 'done') {
      await tx.query(
        `UPDATE notification_deliveries SET status = 'sent', sent_at = $2, updated_at = $2, provider_id = $3, last_error = NULL WHERE id = $1`,
        [delivery.id, now, result.providerId ?? null],
      );
      await deliveryTimeline(ctx, delivery, {
        type: 'notification_sent',
        payload: { ...deliveryRef(delivery), attempt },
      });
    } else if (decision.action === 'retry') {
      await tx.query(setDeliveryStatus, [delivery.id, 'pending', now, result.error ?? null]);
      await scheduleTimer(tx, {
        id: `deliver:${delivery.id}:a${attempt + 1}`,
        kind: timerKinds.deliver,
        dueAt: decision.at,
        payload: { deliveryId: delivery.id },
      });
      await deliveryTimeline(ctx, delivery, {
        type: 'notification_failed',
        payload: { ...deliveryRef(delivery), attempt, error: result.error ?? null, retryAt: decision.at.toISOString() },
      });
    } else {
      await tx.query(setDeliveryStatus, [delivery.id, 'dead', now, result.error ?? decision.reason]);
      await deliveryTimeline(ctx, delivery, {
        type: 'notification_failed',
        payload: {
          ...deliveryRef(delivery),
          attempt,
          error: result.error ?? null,
          deadLetter: true,
          reason: decision.reason,
        },
      });
    }
    return now;
  });
  if (recordedAt !== null) deps.onAttempt?.(attemptOf(delivery, result, recordedAt));
}

function attemptOf(delivery: DeliveryContext, result: DeliveryResult, at: Date): DeliveryAttempt {
  const sent = result.outcome === 'sent';
  const firstPage = sent && delivery.message.kind === 'page' && (delivery.message.level ?? 1) === 1;
  return {
    channel: delivery.channelConfig.kind,
    sent,
    pageLatencySeconds:
      firstPage && delivery.incident !== null ? (at.getTime() - delivery.incident.openedAt.getTime()) / 1000 : null,
  };
}
