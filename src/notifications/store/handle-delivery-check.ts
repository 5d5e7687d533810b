import { systemCtx, type Ctx } from '../../core/context.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import type { Transaction } from '../../storage/database.js';
import { loadDeliveryContext } from './delivery-context.js';
import { markDeliveryUnknown } from './delivery-events.js';
import { hasIdempotencyKey } from './dispatch-send.js';
import type { DeliveryDeps } from './handle-deliver.js';

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
    await markDeliveryUnknown(ctx, delivery);
  }
}
