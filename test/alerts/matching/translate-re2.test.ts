import { describe, expect, it } from 'vitest';
import { compileMatchers } from '../../../src/alerts/matching/label-matchers.js';
import { translateRe2 } from '../../../src/alerts/matching/translate-re2.js';

/** Whether the label value matches the RE2 regex, anchored as Alertmanager anchors it. */
const fullMatch = (regex: string, value: string): boolean =>
  compileMatchers([{ name: 'l', operator: '=~', value: regex }])({ l: value });

describe('translateRe2', () => {
  it('turns leading inline flags into JavaScript flags', () => {
    expect(translateRe2('(?i)down')).toEqual({ ok: true, source: 'down', flags: 'i' });
    expect(translateRe2('(?is)a.b')).toMatchObject({ ok: true, flags: 'is' });
    expect(fullMatch('(?s)a.b', 'a\nb')).toBe(true);
    expect(fullMatch('a.b', 'a\nb')).toBe(false);
  });

  it('keeps the Alertmanager anchors around the whole value under (?m)', () => {
    expect(fullMatch('(?m)^b$', 'a\nb')).toBe(false);
    expect(fullMatch('(?m)a$\n^b', 'a\nb')).toBe(true);
  });

  it('gives `.` and `\\s` their RE2 meaning', () => {
    expect(fullMatch('a.b', 'a\rb')).toBe(true);
    expect(fullMatch('a\\sb', 'a\u00a0b')).toBe(false);
    expect(fullMatch('a\\sb', 'a\tb')).toBe(true);
    expect(fullMatch('a\\Sb', 'a\u00a0b')).toBe(true);
    expect(fullMatch('[\\s,]+', ' ,\t')).toBe(true);
  });

  it('translates \\A, \\z, octal escapes and punctuation escapes', () => {
    expect(fullMatch('\\Aabc\\z', 'abc')).toBe(true);
    expect(fullMatch('\\101\\0', 'A\u0000')).toBe(true);
    expect(fullMatch('\\#\\:\\_\\<x\\>', '#:_<x>')).toBe(true);
    expect(fullMatch('[a\\-z]+', 'a-z')).toBe(true);
    expect(fullMatch('[a\\-z]+', 'b')).toBe(false);
  });

  it('reads Unicode classes by category or script', () => {
    expect(fullMatch('\\p{Greek}+', 'αβγ')).toBe(true);
    expect(fullMatch('\\p{^Lu}+', 'abc')).toBe(true);
    expect(fullMatch('\\PL', '1')).toBe(true);
  });

  it('says why it refuses what RE2 refuses or this translation cannot express', () => {
    const reason = (pattern: string): string | null => {
      const result = translateRe2(pattern);
      return result.ok ? null : result.reason;
    };
    expect(reason('a(?=b)')).toMatch(/lookahead/);
    expect(reason('(?<=a)b')).toMatch(/lookbehind/);
    expect(reason('(x)\\2')).toMatch(/backreference/);
    expect(reason('a\\')).toBe('trailing backslash');
    expect(reason('(?U)a+')).toMatch(/flag U/);
    expect(reason('[[:^alpha:]]')).toMatch(/POSIX/);
    expect(reason('[abc')).toMatch(/\]/);
    expect(reason('\\k<name>')).toMatch(/invalid escape/);
  });
});
