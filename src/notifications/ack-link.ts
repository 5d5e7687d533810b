/**
 * Signed acknowledge links: whoever holds the link of a page may act on that incident as the
 * paged user until it expires, without logging in (from a phone, at night), and only with the
 * actions the token names. The token is `<payload>.<mac>` in base64url: the payload packs a
 * version byte, the expiry and (version 2) the issue time (Unix seconds, uint32), (version 2) a
 * byte of allowed actions, the incident id and the user id (16 bytes when it is a UUID); the MAC
 * is HMAC-SHA256 of the payload bytes truncated to 128 bits. Packed and truncated so that a link
 * fits in an SMS beside the title (~70 characters instead of ~170 for JSON and a full MAC); 128
 * bits stay far out of reach of forgery. The key is derived for this use alone, so a token opens
 * nothing else. Acting is idempotent (a second acknowledge is refused by the lifecycle), so a
 * link used twice needs no nonce; the issue time lets a resolution revoke the links sent before it.
 */
import { Buffer } from 'node:buffer';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a link may do; version 1 tokens (sent before resolve links existed) may only acknowledge. */
export const ackLinkActions = ['acknowledge', 'resolve'] as const;
export type AckLinkAction = (typeof ackLinkActions)[number];

export interface AckTokenPayload {
  incidentId: string;
  userId: string;
  expiresAt: Date;
  issuedAt: Date;
  actions: readonly AckLinkAction[];
}

export type AckTokenCheck =
  { valid: true; payload: AckTokenPayload } | { valid: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const version = 2;
/** How long version 1 links were valid: their issue time is their expiry minus this. */
const version1ValidMs = 24 * 3_600_000;
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

function encodePayload({ incidentId, userId, expiresAt, issuedAt, actions }: AckTokenPayload): Buffer {
  const times = Buffer.alloc(8);
  times.writeUInt32BE(unixSeconds(expiresAt, 'expiresAt', Math.floor));
  // Rounded up: a resolution in the second the link was sent, before it, must not revoke it (one after
  // it is refused anyway while the incident stays resolved).
  times.writeUInt32BE(unixSeconds(issuedAt, 'issuedAt', Math.ceil), 4);
  const bits = ackLinkActions.reduce((sum, action, index) => (actions.includes(action) ? sum | (1 << index) : sum), 0);
  if (bits === 0) throw new RangeError('a link must allow at least one action');
  const user = uuidPattern.test(userId)
    ? Buffer.concat([Buffer.of(0), Buffer.from(userId.replace(/-/g, ''), 'hex')])
    : lengthPrefixed(userId, 'userId');
  return Buffer.concat([Buffer.of(version), times, Buffer.of(bits), lengthPrefixed(incidentId, 'incidentId'), user]);
}

function unixSeconds(date: Date, name: string, round: (value: number) => number): number {
  const seconds = round(date.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffff_ffff)
    throw new RangeError(`${name} is out of range`);
  return seconds;
}

// Length 0 cannot be a real id, so it marks the packed UUID form.
function lengthPrefixed(text: string, name: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < 1 || bytes.length > 255) throw new RangeError(`${name} must be 1 to 255 bytes`);
  return Buffer.concat([Buffer.of(bytes.length), bytes]);
}

function decodePayload(body: Buffer): AckTokenPayload | undefined {
  const header = decodeHeader(body);
  if (header === undefined) return undefined;
  const { start, ...times } = header;
  const incidentLength = body[start]!;
  const incidentEnd = start + 1 + incidentLength;
  if (incidentLength === 0 || body.length <= incidentEnd) return undefined;
  const incidentId = body.subarray(start + 1, incidentEnd).toString('utf8');
  const userLength = body[incidentEnd]!;
  const rest = body.subarray(incidentEnd + 1);
  if (userLength === 0) {
    if (rest.length !== 16) return undefined;
    const hex = rest.toString('hex');
    return {
      incidentId,
      ...times,
      userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    };
  }
  if (rest.length !== userLength) return undefined;
  return { incidentId, ...times, userId: rest.toString('utf8') };
}

/** The times and actions of either version, and where the incident id starts. */
function decodeHeader(
  body: Buffer,
): { expiresAt: Date; issuedAt: Date; actions: AckLinkAction[]; start: number } | undefined {
  if (body[0] === 1 && body.length >= 7) {
    const expiresAt = new Date(body.readUInt32BE(1) * 1000);
    return { expiresAt, issuedAt: new Date(expiresAt.getTime() - version1ValidMs), actions: ['acknowledge'], start: 5 };
  }
  if (body[0] !== version || body.length < 12) return undefined;
  const bits = body[9]!;
  const actions = ackLinkActions.filter((_, index) => (bits & (1 << index)) !== 0);
  if (actions.length === 0 || bits >= 1 << ackLinkActions.length) return undefined;
  const seconds = (offset: number) => new Date(body.readUInt32BE(offset) * 1000);
  return { expiresAt: seconds(1), issuedAt: seconds(5), actions, start: 10 };
}
