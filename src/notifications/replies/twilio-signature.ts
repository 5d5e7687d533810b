import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (X-Twilio-Signature): HMAC-SHA1, keyed with the account's auth token,
 * of the full URL Twilio called (scheme, host, path and query, as configured in Twilio) followed
 * by every POST parameter, sorted by name, as name then value with no separator; base64. A name
 * sent twice contributes each of its values, in order.
 */
export function twilioSignature(authToken: string, url: string, params: ReadonlyArray<[string, string]>): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signed = url + sorted.map(([name, value]) => `${name}${value}`).join('');
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/** Whether `signature` is Twilio's for this request, compared in constant time. */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: ReadonlyArray<[string, string]>,
  signature: string | undefined,
): boolean {
  if (signature === undefined || signature === '') return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
