import { channelKind } from '../channel-kinds.js';
import type { DeliveryContext } from '../store/delivery-context.js';
import { deriveReplyKey, replyAddressValidMs, signReplyAddress } from './reply-address.js';

/** What `replyAddressOf` needs of the delivery loop's settings. */
export interface ReplyAddressDeps {
  secretKey: Buffer | null;
  replyDomain?: string;
}

/**
 * The `replyTo` template variable of a delivery: a page on an e-mail channel, to a known person,
 * on a server with a reply domain and a key, gets the address replying to which acknowledges it
 * (`reply-address.ts`); anything else gets none, and its e-mail no Reply-To.
 */
export function replyAddressOf(delivery: DeliveryContext, deps: ReplyAddressDeps, now: Date): { replyTo?: string } {
  const userId = delivery.recipient.userId;
  if (
    deps.replyDomain === undefined ||
    deps.secretKey === null ||
    userId === undefined ||
    delivery.incident === null ||
    delivery.message.kind !== 'page' ||
    channelKind(delivery.channelConfig.kind).format !== 'email'
  )
    return {};
  const replyTo = signReplyAddress(
    { incidentId: delivery.incident.id, userId, expiresAt: new Date(now.getTime() + replyAddressValidMs) },
    deriveReplyKey(deps.secretKey),
    deps.replyDomain,
  );
  return replyTo === undefined ? {} : { replyTo };
}
