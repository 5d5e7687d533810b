import { systemCtx, type Ctx } from '../../core/context.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import type { Database, Transaction } from '../../storage/database.js';
import { deriveAckKey, signAckToken } from '../ack-link.js';
import { checkBreaker } from '../circuit-breaker.js';
import { approvalSkipReason, approvalVariables, notificationKindOf } from './approval-delivery.js';
import { replyAddressOf } from '../replies/page-reply-address.js';
import { renderNotification } from '../templates/render-notification.js';
import type { NotificationVars } from '../templates/template-model.js';
import { loadDeliveryContext, type DeliveryContext } from './delivery-context.js';
import { deliveryRef, deliveryTimeline, markDeliveryUnknown, setDeliveryStatus } from './delivery-events.js';
import { dispatchSend, hasIdempotencyKey } from './dispatch-send.js';
import { openChannelConfig } from './open-channel-secret.js';
import { loadTemplateOverride } from './put-template.js';
import { recordDeliveryOutcome } from './record-delivery-outcome.js';
import { withReplyCode } from '../replies/page-reply-code.js';

export interface DeliveryDeps {
  db: Database;
  now: () => Date;
  secretKey: Buffer | null;
  /** Where people reach the server: incident and acknowledge links. */
  baseUrl: string;
  /** The domain of reply addresses (`inboundSmtpDomain`): pages by e-mail then carry a Reply-To. */
  replyDomain?: string;
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

const saveBreaker = `UPDATE notification_channels SET breaker = $2 WHERE id = $1`;
const startAttempt = `UPDATE notification_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = $2 WHERE id = $1 RETURNING attempts`;

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
    await tx.query(setDeliveryStatus, [
      delivery.id,
      'skipped',
      now,
      `incident ${delivery.incident.status} before the page was due`,
    ]);
    return;
  }
  const decided = await approvalSkipReason(tx, delivery.message);
  if (decided !== null) {
    await tx.query(setDeliveryStatus, [delivery.id, 'skipped', now, decided]);
    return;
  }
  if (delivery.status === 'sending' && !hasIdempotencyKey(delivery.channelConfig.kind)) {
    await markDeliveryUnknown(ctx, delivery);
    return;
  }
  if (deps.secretKey === null) {
    await tx.query(setDeliveryStatus, [
      delivery.id,
      'dead',
      now,
      'no ASTREINTE_SECRET_KEY: channel secrets cannot be opened',
    ]);
    await deliveryTimeline(ctx, delivery, {
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
  const kind = notificationKindOf(delivery.message);
  const vars = await withReplyCode(tx, deliveryVariables(delivery, deps, now), delivery, config.kind, now);
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
      await recordDeliveryOutcome(deps, delivery, attempt, result);
    },
  };
}

/** How long an acknowledge link in a message works. */
const ackLinkValidMs = 24 * 3_600_000;

/** What a message's template may say of its incident, with the signed acknowledge link when there is a key. */
function deliveryVariables(delivery: DeliveryContext, deps: DeliveryDeps, now: Date): NotificationVars {
  const incident = delivery.incident!;
  const base = deps.baseUrl.replace(/\/$/, '');
  const userId = delivery.recipient.userId;
  const ackUrl =
    userId === undefined || deps.secretKey === null
      ? undefined
      : `${base}/ack/${signAckToken(
          {
            incidentId: incident.id,
            userId,
            expiresAt: new Date(now.getTime() + ackLinkValidMs),
            issuedAt: now,
            // The paged person is on call for it: their link's page offers both buttons (README, on call).
            actions: ['acknowledge', 'resolve'],
          },
          deriveAckKey(deps.secretKey),
        )}`;
  return {
    incidentId: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    services: incident.services,
    summary: incident.summary,
    incidentUrl: `${base}/incidents/${incident.id}`,
    ...(ackUrl === undefined ? {} : { ackUrl }),
    ...replyAddressOf(delivery, deps, now),
    ...(delivery.message.level === undefined ? {} : { level: delivery.message.level }),
    ...(delivery.message.silentMinutes === undefined
      ? {}
      : { silentMinutes: Math.max(1, delivery.message.silentMinutes) }),
    occurredAt: now.toISOString(),
    timeZone: delivery.recipient.timeZone ?? 'UTC',
    ...approvalVariables(delivery.message, `${base}/incidents/${incident.id}`),
  };
}
