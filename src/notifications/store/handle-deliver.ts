import { systemCtx, type Ctx } from '../../core/context.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import type { NewTimelineEvent } from '../../incidents/timeline-events.js';
import type { DeliveryRef } from '../../incidents/timeline-response-payloads.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import type { Database, Transaction } from '../../storage/database.js';
import { deriveAckKey, signAckToken } from '../ack-link.js';
import { checkBreaker, updateBreaker } from '../circuit-breaker.js';
import type { DeliveryResult } from '../delivery-result.js';
import { planRetry } from '../retry-policy.js';
import { renderNotification } from '../templates/render-notification.js';
import type { NotificationKind, NotificationVars } from '../templates/template-model.js';
import { loadDeliveryContext, type DeliveryContext } from './delivery-context.js';
import { dispatchSend, hasIdempotencyKey } from './dispatch-send.js';
import { openChannelConfig } from './open-channel-secret.js';
import { loadTemplateOverride } from './put-template.js';

export interface DeliveryDeps {
  db: Database;
  now: () => Date;
  secretKey: Buffer | null;
  /** Where people reach the server: incident and acknowledge links. */
  baseUrl: string;
  /** Told of each attempt's outcome once recorded (metrics). */
  onAttempt?: (attempt: DeliveryAttempt) => void;
}

/** One attempt recorded: its channel kind, whether it went out, and for a first page its incident's age. */
export interface DeliveryAttempt {
  channel: string;
  sent: boolean;
  /** Seconds from the incident's opening to a first-level page sent; null for anything else. */
  pageLatencySeconds: number | null;
}

/** After this, a delivery still `sending` lost its node: its outcome is unknown. */
const sendingTimeoutMs = 2 * 60_000;
const ackLinkValidMs = 24 * 3_600_000;

const setStatus = `UPDATE notification_deliveries SET status = $2, updated_at = $3, last_error = COALESCE($4, last_error) WHERE id = $1`;
const startAttempt = `UPDATE notification_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = $2 WHERE id = $1 RETURNING attempts`;
const saveBreaker = `UPDATE notification_channels SET breaker = $2 WHERE id = $1`;

/**
 * A delivery is due. Recorded before it is sent: the attempt is marked `sending` (and a check is
 * scheduled) in the timer's transaction, the message goes out after the commit, and the outcome
 * is recorded in a transaction of its own. If the node dies in between, the check finds the
 * delivery still `sending`: on a channel with an idempotency key it is sent again (the receiver
 * recognises it), elsewhere it is marked `unknown` and shown, never sent twice.
 */
export async function handleDeliver(
  tx: Transaction,
  timer: DueTimer,
  deps: DeliveryDeps,
): Promise<void | { later: () => Promise<void> }> {
  const delivery = await loadDeliveryContext(tx, String(timer.payload['deliveryId']));
  if (delivery === null || !['pending', 'sending'].includes(delivery.status)) return;
  const now = deps.now();
  const ctx: Ctx = systemCtx(tx, deps.now, `timer:${timer.id}`);
  if (delivery.message.kind === 'page' && delivery.incident !== null && delivery.incident.status !== 'triggered') {
    await tx.query(setStatus, [
      delivery.id,
      'skipped',
      now,
      `incident ${delivery.incident.status} before the page was due`,
    ]);
    return;
  }
  if (delivery.status === 'sending' && !hasIdempotencyKey(delivery.channelConfig.kind)) {
    await markUnknown(ctx, delivery);
    return;
  }
  if (deps.secretKey === null) {
    await tx.query(setStatus, [delivery.id, 'dead', now, 'no ASTREINTE_SECRET_KEY: channel secrets cannot be opened']);
    await timeline(ctx, delivery, {
      type: 'notification_failed',
      payload: { ...deliveryRef(delivery), error: 'no ASTREINTE_SECRET_KEY', deadLetter: true },
    });
    return;
  }
  const breaker = checkBreaker(delivery.breaker, now);
  // checkBreaker hands back the state it was given unless it changed it (a probe starting):
  // written only then, since every delivery passes here.
  if (breaker.state !== delivery.breaker)
    await tx.query(saveBreaker, [delivery.channelId, JSON.stringify(breaker.state)]);
  if (!breaker.allowed) {
    await scheduleTimer(tx, {
      id: `deliver:${delivery.id}:wait${breaker.retryAt.getTime()}`,
      kind: timerKinds.deliver,
      dueAt: breaker.retryAt,
      payload: { deliveryId: delivery.id },
    });
    return;
  }
  const { rows } = await tx.query<{ attempts: number }>(startAttempt, [delivery.id, now]);
  const attempt = rows[0]!.attempts;
  await scheduleTimer(tx, {
    id: `check:${delivery.id}:a${attempt}`,
    kind: timerKinds.deliveryCheck,
    dueAt: new Date(now.getTime() + sendingTimeoutMs),
    payload: { deliveryId: delivery.id, attempt },
  });
  const config = openChannelConfig(delivery.channelId, delivery.channelConfig, deps.secretKey);
  const kind: NotificationKind =
    delivery.message.kind === 'status_reminder'
      ? 'status_reminder'
      : (delivery.message.level ?? 1) > 1
        ? 'escalated'
        : 'triggered';
  const vars = variablesOf(delivery, deps, now);
  const locale = delivery.recipient.locale ?? 'en';
  const override = await loadTemplateOverride(tx, kind, locale, config.kind);
  const message = renderNotification({
    kind,
    locale,
    channel: config.kind,
    vars,
    ...(override === undefined ? {} : { override }),
  });
  return {
    later: async () => {
      const result = await dispatchSend(config, {
        message,
        recipient: delivery.recipient,
        deliveryId: delivery.id,
        kind,
        vars,
      });
      await recordOutcome(deps, delivery, attempt, result);
    },
  };
}

function variablesOf(delivery: DeliveryContext, deps: DeliveryDeps, now: Date): NotificationVars {
  const incident = delivery.incident!;
  const base = deps.baseUrl.replace(/\/$/, '');
  const userId = delivery.recipient.userId;
  const ackUrl =
    userId === undefined || deps.secretKey === null
      ? undefined
      : `${base}/ack/${signAckToken({ incidentId: incident.id, userId, expiresAt: new Date(now.getTime() + ackLinkValidMs) }, deriveAckKey(deps.secretKey))}`;
  return {
    incidentId: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    services: incident.services,
    summary: incident.summary,
    incidentUrl: `${base}/incidents/${incident.id}`,
    ...(ackUrl === undefined ? {} : { ackUrl }),
    ...(delivery.message.level === undefined ? {} : { level: delivery.message.level }),
    ...(delivery.message.silentMinutes === undefined
      ? {}
      : { silentMinutes: Math.max(1, delivery.message.silentMinutes) }),
    occurredAt: now.toISOString(),
    timeZone: delivery.recipient.timeZone ?? 'UTC',
  };
}

/** The outcome of one attempt, in its own transaction: sent, retried later, or dead-lettered. */
async function recordOutcome(
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
        `UPDATE notification_deliveries SET status = 'sent', sent_at = $2, updated_at = $2, provider_id = $3 WHERE id = $1`,
        [delivery.id, now, result.providerId ?? null],
      );
      await timeline(ctx, delivery, { type: 'notification_sent', payload: { ...deliveryRef(delivery), attempt } });
    } else if (decision.action === 'retry') {
      await tx.query(setStatus, [delivery.id, 'pending', now, result.error ?? null]);
      await scheduleTimer(tx, {
        id: `deliver:${delivery.id}:a${attempt + 1}`,
        kind: timerKinds.deliver,
        dueAt: decision.at,
        payload: { deliveryId: delivery.id },
      });
      await timeline(ctx, delivery, {
        type: 'notification_failed',
        payload: { ...deliveryRef(delivery), attempt, error: result.error ?? null, retryAt: decision.at.toISOString() },
      });
    } else {
      await tx.query(setStatus, [delivery.id, 'dead', now, result.error ?? decision.reason]);
      await timeline(ctx, delivery, {
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

/** A delivery whose attempt lost its node: resent where the channel dedups, else shown as unknown. */
export async function handleDeliveryCheck(tx: Transaction, timer: DueTimer, deps: DeliveryDeps): Promise<void> {
  const delivery = await loadDeliveryContext(tx, String(timer.payload['deliveryId']));
  if (delivery === null || delivery.status !== 'sending' || delivery.attempts !== Number(timer.payload['attempt']))
    return;
  const ctx: Ctx = systemCtx(tx, deps.now, `timer:${timer.id}`);
  if (hasIdempotencyKey(delivery.channelConfig.kind)) {
    await scheduleTimer(tx, {
      id: `deliver:${delivery.id}:again${delivery.attempts}`,
      kind: timerKinds.deliver,
      dueAt: deps.now(),
      payload: { deliveryId: delivery.id },
    });
  } else {
    await markUnknown(ctx, delivery);
  }
}

async function markUnknown(ctx: Ctx, delivery: DeliveryContext): Promise<void> {
  await ctx.db.query(setStatus, [
    delivery.id,
    'unknown',
    ctx.now(),
    'the node sending it stopped before recording the outcome',
  ]);
  await timeline(ctx, delivery, {
    type: 'notification_unknown',
    payload: {
      ...deliveryRef(delivery),
      note: `may or may not have reached ${delivery.recipient.name ?? 'the recipient'}: not sent again (${delivery.channelConfig.kind} has no idempotency key)`,
    },
  });
}

/** What every notification event says of its delivery (the key order is jsonb's, not this one's). */
function deliveryRef(delivery: DeliveryContext): DeliveryRef {
  return {
    deliveryId: delivery.id,
    channel: delivery.channelId,
    kind: delivery.channelConfig.kind,
    recipient: delivery.recipient.name ?? null,
  };
}

/** A delivery's events go to its incident's timeline; one of no incident has none. */
async function timeline(ctx: Ctx, delivery: DeliveryContext, event: NewTimelineEvent): Promise<void> {
  if (delivery.incident === null) return;
  await appendIncidentEvent(ctx, delivery.incident.id, event);
}
