/**
 * The Reply-To address of a page e-mail: `ack+<incident number>.<code>@<domain>`, where the code is
 * the expiry (Unix seconds, uint32) and a MAC in lowercase base32. The MAC (HMAC-SHA256, 96 bits)
 * covers the incident, the expiry and the paged person's user id, which the address does not
 * carry: the receiver finds the person by the sender's address, so a reply from anyone else fails
 * the MAC like a forged code. Lowercase base32 because mail systems may change the case of a local
 * part; short because a local part holds at most 64 characters (a signed ack link would not fit).
 * Its key is derived for this purpose only: an ack link's token is no reply code, nor the reverse.
 */
import { Buffer } from 'node:buffer';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a reply address names; the user is known from the sender, not from the address. */
export interface ReplyAddressParts {
  incidentId: string;
  expiresAt: Date;
}

/** How long the Reply-To of a page works: as long as its acknowledge link. */
export const replyAddressValidMs = 24 * 3_600_000;

const version = 1;
const macLength = 12;
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const incidentPattern = /^INC-([1-9][0-9]{0,9})$/;
const localPattern = /^ack\+([1-9][0-9]{0,9})\.([a-z2-7]{26})$/;

/** The reply-address key, derived (HKDF-SHA256) from the server's secret key. */
export function deriveReplyKey(serverKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'astreinte reply-address v1', 32));
}

/**
 * The address a reply to this page goes to, or undefined for an incident id that is not `INC-<n>`
 * (the address carries the number only).
 */
export function signReplyAddress(
  parts: ReplyAddressParts & { userId: string },
  key: Buffer,
  domain: string,
): string | undefined {
  const number = incidentPattern.exec(parts.incidentId)?.[1];
  if (number === undefined) return undefined;
  const expiry = expiryBytes(parts.expiresAt);
  const code = base32(Buffer.concat([expiry, mac(key, expiry, parts.incidentId, parts.userId)]));
  return `ack+${number}.${code}@${domain.toLowerCase()}`;
}

/** A reply address parsed, before its MAC is checked against a user (`checkReplyAddress`). */
export interface ParsedReplyAddress {
  incidentId: string;
  expiresAt: Date;
  expiry: Buffer;
  mac: Buffer;
}

/** The parts of `address` when it is a reply address of `domain` (any case), else undefined. */
export function parseReplyAddress(address: string, domain: string): ParsedReplyAddress | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return undefined;
  const match = localPattern.exec(address.slice(0, at).toLowerCase());
  if (match === null) return undefined;
  const bytes = unbase32(match[2]!);
  const expiry = bytes.subarray(0, 4);
  return {
    incidentId: `INC-${match[1]!}`,
    expiresAt: new Date(expiry.readUInt32BE(0) * 1000),
    expiry,
    mac: bytes.subarray(4),
  };
}

/**
 * Whether the address was made for `userId` (constant-time), then whether it is still valid at
 * `now`: the MAC first, so a forged address never learns whether it expired.
 */
export function checkReplyAddress(
  parsed: ParsedReplyAddress,
  userId: string,
  key: Buffer,
  now: Date,
): 'valid' | 'bad_signature' | 'expired' {
  if (!timingSafeEqual(mac(key, parsed.expiry, parsed.incidentId, userId), parsed.mac)) return 'bad_signature';
  return now.getTime() >= parsed.expiresAt.getTime() ? 'expired' : 'valid';
}

function expiryBytes(expiresAt: Date): Buffer {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffff_ffff)
    throw new RangeError('expiresAt is out of range');
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(seconds);
  return bytes;
}

// Each field length-prefixed, so that no two (incident, user) pairs hash the same bytes.
function mac(key: Buffer, expiry: Buffer, incidentId: string, userId: string): Buffer {
  if (key.length < 32) throw new RangeError('the reply key must be at least 32 bytes (see deriveReplyKey)');
  const hmac = createHmac('sha256', key).update(Buffer.of(version)).update(expiry);
  for (const field of [incidentId, userId]) {
    const bytes = Buffer.from(field, 'utf8');
    hmac.update(Buffer.of(Math.min(bytes.length, 255))).update(bytes);
  }
  return hmac.digest().subarray(0, macLength);
}

// 16 bytes are 128 bits: 26 characters of 5 bits, the last one holding 3 bits and 2 zero bits.
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) text += alphabet[(value << (5 - bits)) & 31];
  return text;
}

function unbase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | alphabet.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
