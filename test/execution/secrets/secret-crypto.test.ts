import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  parseSecretKey,
  SecretCryptoError,
  type SecretCryptoFailure,
} from '../../../src/execution/secrets/secret-crypto.js';

const key = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

function failure(attempt: () => unknown): SecretCryptoFailure | undefined {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretCryptoError);
    return (error as SecretCryptoError).reason;
  }
  return undefined;
}

/** `sealed` with one character of segment `index` (1 nonce, 2 ciphertext, 3 tag) changed. */
function alter(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const segment = parts[index]!;
  const first = segment[0] === 'A' ? 'B' : 'A';
  parts[index] = first + segment.slice(1);
  return parts.join('.');
}

describe('encryptSecret and decryptSecret', () => {
  it('give back the plaintext, with and without a secret name bound', () => {
    for (const plaintext of ['s3cr3t', '', 'é🔑 multi\nline', 'x'.repeat(10_000)]) {
      expect(decryptSecret(encryptSecret(plaintext, key), key)).toBe(plaintext);
      expect(decryptSecret(encryptSecret(plaintext, key, 'db_password'), key, 'db_password')).toBe(plaintext);
    }
  });

  it('write a versioned one-line format with a 12-byte nonce and a 16-byte tag', () => {
    const sealed = encryptSecret('s3cr3t', key, 'name');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
    const [, nonce, ciphertext, tag] = sealed.split('.');
    expect(Buffer.from(nonce!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(6);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
  });

  it('use a fresh nonce for every value, so the same plaintext seals differently', () => {
    const sealed = Array.from({ length: 50 }, () => encryptSecret('same', key));
    expect(new Set(sealed.map((value) => value.split('.')[1])).size).toBe(50);
  });

  it('refuse a value whose nonce, ciphertext or tag was altered', () => {
    const sealed = encryptSecret('s3cr3t value', key, 'name');
    for (const index of [1, 2, 3])
      expect(failure(() => decryptSecret(alter(sealed, index), key, 'name'))).toBe('authentication_failed');
  });

  it('refuse a value moved to another name, or opened without its name', () => {
    const sealed = encryptSecret('s3cr3t', key, 'readonly_token');
    expect(failure(() => decryptSecret(sealed, key, 'admin_token'))).toBe('authentication_failed');
    expect(failure(() => decryptSecret(sealed, key))).toBe('authentication_failed');
    expect(failure(() => decryptSecret(encryptSecret('s3cr3t', key), key, 'admin_token'))).toBe(
      'authentication_failed',
    );
  });

  it('refuse a value sealed under another key, and say so without echoing anything', () => {
    const sealed = encryptSecret('s3cr3t', key);
    const other = randomBytes(32);
    expect(failure(() => decryptSecret(sealed, other))).toBe('authentication_failed');
    expect(() => decryptSecret(sealed, other)).toThrow(/wrong key, wrong secret name, or the value was altered/);
  });

  it('refuse a truncated tag, which Node would otherwise check on fewer bytes', () => {
    const [version, nonce, ciphertext, tag] = encryptSecret('s3cr3t', key).split('.');
    const short = Buffer.from(tag!, 'base64url').subarray(0, 12).toString('base64url');
    expect(failure(() => decryptSecret([version, nonce, ciphertext, short].join('.'), key))).toBe('malformed');
  });

  it('refuse text that is not a v1 sealed value', () => {
    const sealed = encryptSecret('s3cr3t', key);
    expect(failure(() => decryptSecret('s3cr3t', key))).toBe('malformed');
    expect(failure(() => decryptSecret(`${sealed}.x`, key))).toBe('malformed');
    expect(failure(() => decryptSecret(sealed.replace(/^v1/, 'v2'), key))).toBe('unsupported_version');
    expect(failure(() => decryptSecret(sealed.replace('.', '.*'), key))).toBe('malformed');
    expect(failure(() => decryptSecret(sealed.replace(/\.([^.]*)$/, '.$1='), key))).toBe('malformed');
  });

  it('refuse a key that is not 32 bytes', () => {
    expect(failure(() => encryptSecret('s3cr3t', key.subarray(0, 16)))).toBe('invalid_key');
    expect(failure(() => decryptSecret(encryptSecret('s3cr3t', key), Buffer.alloc(33)))).toBe('invalid_key');
  });
});

describe('parseSecretKey', () => {
  it('reads 64 hexadecimal digits, in either case, around whitespace', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(` ${key.toString('hex').toUpperCase()}\n`)).toEqual(key);
  });

  it('reads 44 characters of base64, standard or url-safe', () => {
    const bytes = Buffer.from('fbff'.repeat(16), 'hex');
    expect(parseSecretKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseSecretKey(`${bytes.toString('base64url')}=`)).toEqual(bytes);
    expect(bytes.toString('base64')).toMatch(/[+/]/);
  });

  it('refuses anything else with a message saying what is expected and not echoing the input', () => {
    const wrong = [
      '',
      'abc',
      key.toString('hex').slice(2),
      `${key.toString('hex')}00`,
      `${key.toString('hex').slice(1)}g`,
      key.toString('base64').replace('=', ''),
      Buffer.alloc(33).toString('base64'),
      `${key.toString('base64').slice(0, 42)}B=`,
      `${key.toString('base64').slice(0, 20)}*${key.toString('base64').slice(21)}`,
    ];
    for (const text of wrong) {
      expect(
        failure(() => parseSecretKey(text)),
        JSON.stringify(text),
      ).toBe('invalid_key');
    }
    expect(() => parseSecretKey('not-a-key-at-all')).toThrow(/64 hexadecimal digits or 44 base64 characters/);
    expect(() => parseSecretKey('not-a-key-at-all')).not.toThrow(/not-a-key/);
  });
});
