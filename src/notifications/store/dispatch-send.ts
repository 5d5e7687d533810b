import { channelKind, type ChannelConfig, type ChannelKind } from '../channel-kinds.js';
import type { NotificationRecipient } from '../channel-model.js';
import type { DeliveryResult, RenderedMessage } from '../delivery-result.js';
import type { NotificationKind, NotificationVars } from '../templates/template-model.js';

/** Sends one rendered message on a channel of any kind, with the sender its row of the kinds table names. */
export function dispatchSend(
  config: ChannelConfig,
  request: {
    message: RenderedMessage;
    recipient: NotificationRecipient;
    deliveryId: string;
    kind: NotificationKind;
    vars: NotificationVars;
  },
): Promise<DeliveryResult> {
  return channelKind(config.kind).send({
    config,
    message: request.message,
    recipient: request.recipient,
    deliveryId: request.deliveryId,
    event: { kind: request.kind, vars: request.vars },
  });
}

/** Channels whose receiver can tell a repeated delivery by its id: re-sending after a crash is safe. */
export function hasIdempotencyKey(kind: ChannelKind): boolean {
  return channelKind(kind).idempotent;
}
