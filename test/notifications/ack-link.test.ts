import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveAckKey, signAckToken, verifyAckToken } from '../../src/notifications/ack-link.js';

const serverKey = Buffer.alloc(32, 7);
const key = deriveAckKey(serverKey);
const userId = '3f2c8a10-5b7e-4d21-9c3a-0e1f2a3b4c5d';
const expiresAt = new Date('2025-03-14T15:04:00Z');
const before = new Date('2025-03-14T14:04:00Z');
const scope = { issuedAt: new Date('2025-03-13T15:04:00Z'), actions: ['acknowledge', 'resolve'] as const };

describe('ack links', () => {
  it('round-trips incident, user and expiry through a short URL-safe token', () => {
    const token = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope }, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(75);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyAckToken(token, key, before)).toEqual({
      valid: true,
      payload: { incidentId: 'INC-42', userId, expiresAt, ...scope },
    });
  });

  it('carries ids that are not UUIDs, including non-ASCII ones', () => {
    for (const id of ['admin', 'Alice Martin', 'utilisateur-é', '3F2C8A10-5B7E-4D21-9C3A-0E1F2A3B4C5D']) {
      const token = signAckToken({ incidentId: 'INC-7', userId: id, expiresAt, ...scope }, key);
      expect(verifyAckToken(token, key, before)).toEqual({
        valid: true,
        payload: { incidentId: 'INC-7', userId: id, expiresAt, ...scope },
      });
    }
  });

  it('refuses a token at and after its expiry', () => {
    const token = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope }, key);
    expect(verifyAckToken(token, key, new Date(expiresAt.getTime() - 1000)).valid).toBe(true);
    expect(verifyAckToken(token, key, expiresAt)).toEqual({ valid: false, reason: 'expired' });
    expect(verifyAckToken(token, key, new Date('2026-01-01T00:00:00Z'))).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses every single-character change of a token', () => {
    const token = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope }, key);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let index = 0; index < token.length; index += 1) {
      if (token[index] === '.') continue;
      const replacement = alphabet[(alphabet.indexOf(token[index]!) + 1) % alphabet.length]!;
      const tampered = `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
      const check = verifyAckToken(tampered, key, before);
      expect(check.valid).toBe(false);
      if (!check.valid) expect(['bad_signature', 'malformed']).toContain(check.reason);
    }
  });

  it('refuses a payload swapped from another token (another incident, a later expiry)', () => {
    const mine = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope }, key);
    const other = signAckToken(
      { incidentId: 'INC-43', userId, expiresAt: new Date('2030-01-01T00:00:00Z'), ...scope },
      key,
    );
    const forged = `${other.split('.')[0]}.${mine.split('.')[1]}`;
    expect(verifyAckToken(forged, key, before)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('refuses a token signed under another server key, and does not tell it is expired', () => {
    const foreign = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope }, deriveAckKey(randomBytes(32)));
    expect(verifyAckToken(foreign, key, before)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(verifyAckToken(foreign, key, new Date('2030-01-01T00:00:00Z'))).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('calls anything else malformed', () => {
    const token = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope }, key);
    const [body, mac] = token.split('.') as [string, string];
    for (const text of [
      '',
      '.',
      'abc',
      `${token}.x`,
      `${body}.`,
      `.${mac}`,
      `${body}.${mac.slice(0, -2)}`,
      `${body}+.${mac}`,
      `${body}.${mac}=`,
      'a'.repeat(5000),
    ]) {
      expect(verifyAckToken(text, key, before)).toEqual({ valid: false, reason: 'malformed' });
    }
  });

  it('derives a distinct key per server key, and refuses keys too short to be derived ones', () => {
    expect(deriveAckKey(serverKey).equals(key)).toBe(true);
    expect(deriveAckKey(Buffer.alloc(32, 8)).equals(key)).toBe(false);
    expect(key.equals(serverKey)).toBe(false);
    expect(() => signAckToken({ incidentId: 'INC-1', userId, expiresAt, ...scope }, Buffer.alloc(16))).toThrow(
      RangeError,
    );
    expect(() => verifyAckToken('a.b', Buffer.alloc(16), before)).toThrow(RangeError);
  });

  it('keeps reading version 1 links, sent before resolve links existed, as acknowledge-only', () => {
    const body = Buffer.concat([
      Buffer.of(1, 0, 0, 0, 0, 6),
      Buffer.from('INC-42'),
      Buffer.of(0),
      Buffer.from(userId.replace(/-/g, ''), 'hex'),
    ]);
    body.writeUInt32BE(expiresAt.getTime() / 1000, 1);
    const mac = createHmac('sha256', key).update(body).digest().subarray(0, 16);
    expect(verifyAckToken(`${body.toString('base64url')}.${mac.toString('base64url')}`, key, before)).toEqual({
      valid: true,
      payload: {
        incidentId: 'INC-42',
        userId,
        expiresAt,
        issuedAt: new Date(expiresAt.getTime() - 24 * 3_600_000),
        actions: ['acknowledge'],
      },
    });
  });

  it('carries exactly the actions it was signed with, and refuses to sign none', () => {
    const ackOnly = signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope, actions: ['acknowledge'] }, key);
    const check = verifyAckToken(ackOnly, key, before);
    expect(check.valid && check.payload.actions).toEqual(['acknowledge']);
    expect(() => signAckToken({ incidentId: 'INC-42', userId, expiresAt, ...scope, actions: [] }, key)).toThrow(
      RangeError,
    );
  });

  it('refuses ids or expiries it cannot encode', () => {
    expect(() => signAckToken({ incidentId: '', userId, expiresAt, ...scope }, key)).toThrow(RangeError);
    expect(() => signAckToken({ incidentId: 'INC-1', userId: 'x'.repeat(256), expiresAt, ...scope }, key)).toThrow(
      RangeError,
    );
    expect(() =>
      signAckToken({ incidentId: 'INC-1', userId, expiresAt: new Date('2200-01-01T00:00:00Z'), ...scope }, key),
    ).toThrow(RangeError);
  });
});
