import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { secretForms } from '../../../src/execution/redaction/secret-forms.js';
import { int, randomText, seededRandom } from './random-cases.js';

describe('secretForms', () => {
  it('lists the value first and every form once', () => {
    const forms = secretForms('p@ss word/é&x');
    expect(forms[0]).toBe('p@ss word/é&x');
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('includes the URL, form, JSON and base64 spellings a tool may print', () => {
    const value = "a b/é!'";
    expect(secretForms(value)).toEqual(
      expect.arrayContaining([
        "a%20b%2F%C3%A9!'",
        "a+b%2F%C3%A9!'",
        'a+b%2F%C3%A9%21%27',
        "a%20b%2f%c3%a9!'",
        "a%20b/%C3%A9!'",
        "a b/\\u00e9!'",
        Buffer.from(value).toString('base64'),
        Buffer.from(value).toString('base64url'),
      ]),
    );
  });

  it('covers the value base64-encoded after a prefix of any length, as in Basic auth', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededRandom(seed);
      const value = randomText(random, [...'abcXYZ019 :/+=é😀'], int(random, 4, 16));
      const prefix = randomText(random, [...'user:'], int(random, 0, 8));
      const suffix = randomText(random, [...'xyz'], int(random, 0, 3));
      const forms = secretForms(value);
      for (const encoded of [
        Buffer.from(prefix + value + suffix).toString('base64'),
        Buffer.from(prefix + value + suffix).toString('base64url'),
      ]) {
        expect(
          forms.some((form) => encoded.includes(form)),
          `seed ${seed}`,
        ).toBe(true);
      }
    }
  });

  it('never yields a form shorter than four code units for a four-character value', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededRandom(seed);
      const value = randomText(random, [...'aZ9 %+/é€😀\u0000'], 4);
      for (const form of secretForms(value))
        expect(form.length, `seed ${seed}: ${JSON.stringify(value)}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('still gives the raw form of a value with a lone surrogate, which no URL encoder accepts', () => {
    const forms = secretForms('ab\uD800cd');
    expect(forms[0]).toBe('ab\uD800cd');
    expect(forms.some((form) => form.includes('%'))).toBe(false);
  });
});
