/**
 * The signature on webhook deliveries: `X-Astreinte-Signature: sha256=<hex>`, the HMAC-SHA256 under
 * the channel's secret of `<X-Astreinte-Timestamp>.<raw body>`. Signing the timestamp with the body
 * lets a receiver refuse a captured request replayed later; the delivery id (X-Astreinte-Delivery,
 * inside the body too) lets it drop a retry of a delivery it already processed.
 */
import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signaturePrefix = 'sha256=';
/** How far a receiver lets the timestamp be from its clock, by default. */
export const defaultSignatureToleranceSeconds = 300;

/** The header value for `body` sent at `timestamp` (Unix seconds). */
export function signWebhookBody(secret: string, timestamp: number, body: string | Uint8Array): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `${signaturePrefix}${hmac.digest('hex')}`;
}

export type WebhookSignatureCheck = { valid: true } | { valid: false; reason: 'malformed' | 'bad_signature' | 'stale' };

/**
 * For receivers: checks a delivery's signature against the raw body bytes as received (not a
 * re-serialised parse), in constant time, then that its timestamp is within `toleranceSeconds` of
 * `now`. A bad signature is reported before staleness, so a forger learns nothing about clocks.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string | Uint8Array;
  /** X-Astreinte-Timestamp as received. */
  timestamp: string | null | undefined;
  /** X-Astreinte-Signature as received. */
  signature: string | null | undefined;
  now: Date;
  toleranceSeconds?: number;
}): WebhookSignatureCheck {
  const { timestamp, signature } = input;
  if (timestamp === null || timestamp === undefined || !/^\d{1,12}$/.test(timestamp))
    return { valid: false, reason: 'malformed' };
  if (signature === null || signature === undefined || !/^sha256=[0-9a-fA-F]{64}$/.test(signature))
    return { valid: false, reason: 'malformed' };
  const expected = Buffer.from(
    signWebhookBody(input.secret, Number(timestamp), input.body).slice(signaturePrefix.length),
    'hex',
  );
  const given = Buffer.from(signature.slice(signaturePrefix.length), 'hex');
  if (!timingSafeEqual(expected, given)) return { valid: false, reason: 'bad_signature' };
  const skew = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (skew > (input.toleranceSeconds ?? defaultSignatureToleranceSeconds)) return { valid: false, reason: 'stale' };
  return { valid: true };
}
