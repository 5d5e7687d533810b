import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replyActionOf } from '../../../src/notifications/replies/answer-email-reply.js';
import {
  checkReplyAddress,
  deriveReplyKey,
  parseReplyAddress,
  signReplyAddress,
} from '../../../src/notifications/replies/reply-address.js';
import { deriveAckKey } from '../../../src/notifications/ack-link.js';

const serverKey = randomBytes(32);
const key = deriveReplyKey(serverKey);
const now = new Date('2026-03-14T03:00:00Z');
const expiresAt = new Date('2026-03-15T03:00:00Z');
const userId = '0b9f3c52-7d2e-4a8f-9c1e-5a6b7c8d9e0f';
const domain = 'Replies.Example.com';

describe('reply addresses', () => {
  it('name the incident in a short lowercase local part that parses back and checks for the paged person', () => {
    const address = signReplyAddress({ incidentId: 'INC-4217', userId, expiresAt }, key, domain)!;
    expect(address).toMatch(/^ack\+4217\.[a-z2-7]{26}@replies\.example\.com$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    const parsed = parseReplyAddress(address.toUpperCase(), domain)!;
    expect(parsed).toMatchObject({ incidentId: 'INC-4217', expiresAt });
    expect(checkReplyAddress(parsed, userId, key, now)).toBe('valid');
  });

  it('fail the check for anyone else, under another key (the ack links key too) and once expired', () => {
    const parsed = parseReplyAddress(
      signReplyAddress({ incidentId: 'INC-7', userId, expiresAt }, key, domain)!,
      domain,
    )!;
    expect(checkReplyAddress(parsed, '1b9f3c52-7d2e-4a8f-9c1e-5a6b7c8d9e0f', key, now)).toBe('bad_signature');
    expect(checkReplyAddress(parsed, userId, deriveAckKey(serverKey), now)).toBe('bad_signature');
    expect(checkReplyAddress(parsed, userId, key, expiresAt)).toBe('expired');
    const otherIncident = { ...parsed, incidentId: 'INC-8' };
    expect(checkReplyAddress(otherIncident, userId, key, now)).toBe('bad_signature');
  });

  it('are not made for incident ids that are not INC-<number>, nor parsed from other shapes or domains', () => {
    expect(signReplyAddress({ incidentId: 'imported-1', userId, expiresAt }, key, domain)).toBeUndefined();
    const address = signReplyAddress({ incidentId: 'INC-7', userId, expiresAt }, key, domain)!;
    expect(parseReplyAddress(address.replace('replies.example.com', 'example.com'), domain)).toBeUndefined();
    expect(parseReplyAddress(address.replace('ack+', 'ack-'), domain)).toBeUndefined();
    expect(parseReplyAddress(address.replace('+7.', '+07.'), domain)).toBeUndefined();
    expect(parseReplyAddress(`${address.split('@')[0]!}a@${domain}`, domain)).toBeUndefined();
    expect(parseReplyAddress('postmaster@replies.example.com', domain)).toBeUndefined();
  });
});

describe('what a reply asks', () => {
  it('resolves on RESOLVE (or the French word, accents optional) as its first word, and acknowledges otherwise', () => {
    expect(replyActionOf('RESOLVE')).toBe('resolve');
    expect(replyActionOf('  resolved, fixed the proxy')).toBe('resolve');
    expect(replyActionOf('Résolu.')).toBe('resolve');
    expect(replyActionOf('RÉSOUDRE')).toBe('resolve');
    expect(replyActionOf('ACK')).toBe('acknowledge');
    expect(replyActionOf('on it, will resolve soon')).toBe('acknowledge');
    expect(replyActionOf('')).toBe('acknowledge');
  });
});
