/**
 * Signed acknowledge links: whoever holds the link of a page may acknowledge that incident as the
 * paged user until it expires, without logging in (from a phone, at night). The token is
 * `<payload>.<mac>` in base64url: the payload packs a version byte, the expiry (Unix seconds,
 * uint32), the incident id and the user id (16 bytes when it is a UUID); the MAC is HMAC-SHA256
 * of the payload bytes truncated to 128 bits. Packed and truncated so that a link fits in an SMS
 * beside the title (~60 characters instead of ~170 for JSON and a full MAC); 128 bits stay far out
 * of reach of forgery. Acknowledging is idempotent, so a link used twice needs no nonce.
 */
import { Buffer } from 'node:buffer';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export interface AckTokenPayload {
  incidentId: string;
  userId: string;
  expiresAt: Date;
}

export type AckTokenCheck =
  { valid: true; payload: AckTokenPayload } | { valid: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const version = 1;
const macLength = 16;
const maxTokenLength = 1200;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const base64UrlPattern = /^[A-Za-z0-9_-]+$/;

/**
 * The ack-link key, derived (HKDF-SHA256) from the server's secret key: the sealing key itself is
 * never used as an HMAC key, and rotating the secret key invalidates every outstanding link.
 */
export function deriveAckKey(serverKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'astreinte ack-link v1', 32));
}

/** A URL-safe token for `payload`; `key` from `deriveAckKey`. Throws on ids over 255 bytes. */
export function signAckToken(payload: AckTokenPayload, key: Buffer): string {
  checkKey(key);
  const body = encodePayload(payload);
  return `${body.toString('base64url')}.${mac(key, body).toString('base64url')}`;
}

/**
 * What a token says, or why it is refused: `malformed` (not a token of this format), `bad_signature`
 * (altered, or signed with another key), `expired` (at or after its expiry). The MAC is compared in
 * constant time and checked before the expiry, so a forged token never learns whether it expired.
 */
export function verifyAckToken(token: string, key: Buffer, now: Date): AckTokenCheck {
  checkKey(key);
  const parts = token.length <= maxTokenLength ? token.split('.') : [];
  if (parts.length !== 2 || !parts.every((part) => base64UrlPattern.test(part)))
    return { valid: false, reason: 'malformed' };
  const [bodyText, macText] = parts as [string, string];
  const body = Buffer.from(bodyText, 'base64url');
  const given = Buffer.from(macText, 'base64url');
  // Only the canonical spelling is accepted: base64 lets the last character vary over the same bytes.
  if (
    body.toString('base64url') !== bodyText ||
    given.toString('base64url') !== macText ||
    given.length !== macLength
  ) {
    return { valid: false, reason: 'malformed' };
  }
  if (!timingSafeEqual(mac(key, body), given)) return { valid: false, reason: 'bad_signature' };
  const payload = decodePayload(body);
  if (payload === undefined) return { valid: false, reason: 'malformed' };
  if (now.getTime() >= payload.expiresAt.getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, payload };
}

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, macLength);
}

function checkKey(key: Buffer): void {
  if (key.length < 32) throw new RangeError('the ack-link key must be at least 32 bytes (see deriveAckKey)');
}

function encodePayload({ incidentId, userId, expiresAt }: AckTokenPayload): Buffer {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffff_ffff)
    throw new RangeError('expiresAt is out of range');
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(seconds);
  const user = uuidPattern.test(userId)
    ? Buffer.concat([Buffer.of(0), Buffer.from(userId.replace(/-/g, ''), 'hex')])
    : lengthPrefixed(userId, 'userId');
  return Buffer.concat([Buffer.of(version), expiry, lengthPrefixed(incidentId, 'incidentId'), user]);
}

// Length 0 cannot be a real id, so it marks the packed UUID form.
function lengthPrefixed(text: string, name: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < 1 || bytes.length > 255) throw new RangeError(`${name} must be 1 to 255 bytes`);
  return Buffer.concat([Buffer.of(bytes.length), bytes]);
}

function decodePayload(body: Buffer): AckTokenPayload | undefined {
  if (body.length < 7 || body[0] !== version) return undefined;
  const expiresAt = new Date(body.readUInt32BE(1) * 1000);
  const incidentLength = body[5]!;
  const incidentEnd = 6 + incidentLength;
  if (incidentLength === 0 || body.length <= incidentEnd) return undefined;
  const incidentId = body.subarray(6, incidentEnd).toString('utf8');
  const userLength = body[incidentEnd]!;
  const rest = body.subarray(incidentEnd + 1);
  if (userLength === 0) {
    if (rest.length !== 16) return undefined;
    const hex = rest.toString('hex');
    return {
      incidentId,
      expiresAt,
      userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    };
  }
  if (rest.length !== userLength) return undefined;
  return { incidentId, expiresAt, userId: rest.toString('utf8') };
}
