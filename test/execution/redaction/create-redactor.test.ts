import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  minSecretLength,
  UnsafeSecretError,
} from '../../../src/execution/redaction/create-redactor.js';

const token = { name: 'api_token', value: 'tok_9f8e7d6c' };
const password = { name: 'db_password', value: 'p@ss word/é&x' };

describe('createRedactor', () => {
  it('replaces every occurrence of a secret value with its label', () => {
    const redactor = createRedactor([token]);
    expect(redactor.redact('a tok_9f8e7d6c b tok_9f8e7d6ctok_9f8e7d6c')).toBe(
      'a [REDACTED:api_token] b [REDACTED:api_token][REDACTED:api_token]',
    );
  });

  it('returns text without secrets unchanged, and so does a redactor without secrets', () => {
    const text = 'nothing to see, tok_9f8 is not the token 🚀';
    expect(createRedactor([token]).redact(text)).toBe(text);
    expect(createRedactor([]).redact(text)).toBe(text);
  });

  it('replaces the URL-encoded forms: encodeURIComponent, + for spaces, URLSearchParams and lower-case hex', () => {
    const redactor = createRedactor([password]);
    const spellings = [
      encodeURIComponent(password.value),
      encodeURIComponent(password.value).replace(/%20/g, '+'),
      new URLSearchParams({ p: password.value }).toString().slice(2),
      encodeURIComponent(password.value).toLowerCase(),
      encodeURI(password.value),
    ];
    for (const spelling of spellings) {
      expect(redactor.redact(`curl 'https://db.example/login?p=${spelling}&next=1'`)).toBe(
        "curl 'https://db.example/login?p=[REDACTED:db_password]&next=1'",
      );
    }
  });

  it('replaces base64 of the value, standard and url-safe, with and without padding', () => {
    const redactor = createRedactor([{ name: 'key', value: 'k?>~k?>~zz' }]);
    const bytes = Buffer.from('k?>~k?>~zz');
    for (const encoded of [
      bytes.toString('base64'),
      bytes.toString('base64url'),
      bytes.toString('base64').replace(/=+$/, ''),
    ]) {
      expect(redactor.redact(`data: ${encoded}\n`)).toBe('data: [REDACTED:key]\n');
    }
    expect(bytes.toString('base64')).not.toBe(bytes.toString('base64url'));
  });

  it('hides a password inside a Basic auth header whatever the length of the user name before it', () => {
    const redactor = createRedactor([{ name: 'pw', value: 's3cr3t-T0ken!' }]);
    for (const user of ['', 'a', 'ab', 'deploy', 'deploy1', 'deploy12']) {
      const header = `> Authorization: Basic ${Buffer.from(`${user}:s3cr3t-T0ken!`).toString('base64')}`;
      const out = redactor.redact(header);
      const [, before, after] = /^> Authorization: Basic (.*)\[REDACTED:pw\](.*)$/.exec(out) ?? [];
      expect(before, `user ${JSON.stringify(user)}: ${out}`).toBeDefined();
      // Only characters that also carry bits of the user name or of the padding may show.
      expect(before!.length).toBeLessThanOrEqual(Math.ceil(((user.length + 1) * 8) / 6));
      expect(after!.replace(/=+$/, '').length).toBeLessThanOrEqual(1);
    }
  });

  it('replaces the JSON-escaped form of a value with quotes, backslashes and accents', () => {
    const secret = { name: 'j', value: 'a"b\\c\u00e9d' };
    const redactor = createRedactor([secret]);
    expect(redactor.redact(JSON.stringify({ password: secret.value }))).toBe('{"password":"[REDACTED:j]"}');
    expect(redactor.redact('{"password": "a\\"b\\\\c\\u00e9d"}')).toBe('{"password": "[REDACTED:j]"}');
  });

  it('prefers the longest secret when one secret begins another', () => {
    const redactor = createRedactor([
      { name: 'short', value: 'password' },
      { name: 'long', value: 'password123' },
    ]);
    expect(redactor.redact('x password123 y password z')).toBe('x [REDACTED:long] y [REDACTED:short] z');
  });

  it('replaces two overlapping secrets as one span so that no piece of either shows', () => {
    const redactor = createRedactor([
      { name: 'first', value: 'abcdef' },
      { name: 'second', value: 'defghi' },
    ]);
    expect(redactor.redact('<abcdefghi>')).toBe('<[REDACTED:first]>');
    expect(redactor.redact('<defghi abcdef>')).toBe('<[REDACTED:second] [REDACTED:first]>');
    expect(redactor.redact('<abcdefabcdefghi>')).toBe('<[REDACTED:first][REDACTED:first]>');
  });

  it('replaces a run of a repeated-character secret with one label', () => {
    const redactor = createRedactor([{ name: 'pin', value: '0000' }]);
    expect(redactor.redact('id=0000000 ok')).toBe('id=[REDACTED:pin] ok');
  });

  it('labels a value shared by two secrets with the first name', () => {
    const redactor = createRedactor([
      { name: 'primary', value: 'same-value' },
      { name: 'replica', value: 'same-value' },
    ]);
    expect(redactor.redact('same-value')).toBe('[REDACTED:primary]');
  });

  it('redacts secrets made of emoji and keeps the emoji around them', () => {
    const redactor = createRedactor([{ name: 'e', value: '🔑🔒x€' }]);
    expect(redactor.redact('🚀🔑🔒x€🔥 and 🔑🔒x')).toBe('🚀[REDACTED:e]🔥 and 🔑🔒x');
    expect(redactor.redact(encodeURIComponent('🔑🔒x€'))).toBe('[REDACTED:e]');
  });

  it('redacts values containing square brackets', () => {
    const redactor = createRedactor([{ name: 'b', value: '[x]y]' }]);
    expect(redactor.redact('a[x]y]b')).toBe('a[REDACTED:b]b');
  });

  it(`refuses a value shorter than ${minSecretLength} characters, naming the secret but not the value`, () => {
    for (const value of ['', 'Q', 'Zq9', '🔑🔒x']) {
      const attempt = (): unknown => createRedactor([token, { name: 'tiny', value }]);
      expect(attempt).toThrow(UnsafeSecretError);
      try {
        attempt();
      } catch (error) {
        expect((error as UnsafeSecretError).secretName).toBe('tiny');
        expect((error as Error).message).toMatch(/"tiny" is too short/);
        if (value !== '') expect((error as Error).message).not.toContain(value);
      }
    }
    expect(() => createRedactor([{ name: 'ok', value: 'abcd' }])).not.toThrow();
  });

  it('reports the longest form it matches, longer than the value when encoding expands it', () => {
    expect(createRedactor([{ name: 'e', value: '€€€€' }]).maxMatchLength).toBe(4 * 9);
    expect(createRedactor([]).maxMatchLength).toBe(0);
  });
});
