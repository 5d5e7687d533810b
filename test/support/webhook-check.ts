import {
  verifyWebhookSignature,
  type WebhookSignatureCheck,
} from '../../src/notifications/senders/webhook-signature.js';
import type { RecordedRequest } from './recording-server.js';

/** Whether a webhook the recording server received is signed with `secret` (as a receiver checks it, now). */
export function webhookSignedWith(request: RecordedRequest, secret: string): WebhookSignatureCheck {
  return verifyWebhookSignature({
    secret,
    body: request.body,
    timestamp: request.headers['x-astreinte-timestamp'] as string | undefined,
    signature: request.headers['x-astreinte-signature'] as string | undefined,
    now: new Date(),
  });
}
