import { describe, expect, it } from 'vitest';
import { isGoZeroTime, parseRfc3339, readTimestamp } from '../../../src/alerts/ingest/rfc3339-time.js';
import type { FieldIssue } from '../../../src/core/app-error.js';

describe('parseRfc3339', () => {
  it.each([
    ['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00.5Z', '2024-05-01T12:00:00.500Z'],
    ['2024-05-01T12:00:00.123456789Z', '2024-05-01T12:00:00.123Z'],
    ['2024-05-01T14:30:00+02:30', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T00:00:00-05:00', '2024-05-01T05:00:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['0099-12-31T00:00:00Z', '0099-12-31T00:00:00.000Z'],
    ['0000-02-29T10:00:00+01:00', '0000-02-29T09:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseRfc3339(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'nope',
    '',
    '2024-05-01',
    '2024-05-01 12:00:00Z',
    '2024-05-01t12:00:00z',
    '2024-05-01T12:00Z',
    '2024-05-01T12:00:00',
    '2024-05-01T12:00:00.Z',
    '2024-05-01T12:00:00+0200',
    '2024-13-01T12:00:00Z',
    '2023-02-29T12:00:00Z',
    '2024-04-31T12:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:60:00Z',
    '2024-05-01T12:00:60Z',
    '2024-05-01T12:00:00+24:00',
  ])('refuses %j, as Go refuses it', (text) => {
    expect(parseRfc3339(text)).toBeNull();
  });

  it('accepts offsets without a colon only when asked, for PagerDuty', () => {
    expect(parseRfc3339('2015-07-17T08:42:58.315+0000', { offsetWithoutColon: true })?.toISOString()).toBe(
      '2015-07-17T08:42:58.315Z',
    );
  });

  it('agrees with Date on random instants written back as ISO text', () => {
    for (let i = 0; i < 200; i++) {
      const instant = new Date(Math.floor(Math.random() * 4_102_444_800_000));
      expect(parseRfc3339(instant.toISOString())?.getTime()).toBe(instant.getTime());
    }
  });
});

describe('readTimestamp', () => {
  it('reads absent, null and Go zero time as no time, and bad text as an issue at its path', () => {
    const issues: FieldIssue[] = [];
    const object = { zero: '0001-01-01T00:00:00Z', nil: null, bad: 'yesterday', number: 5 };
    expect(readTimestamp(object, 'missing', '/0', issues)).toBeNull();
    expect(readTimestamp(object, 'nil', '/0', issues)).toBeNull();
    expect(readTimestamp(object, 'zero', '/0', issues)).toBeNull();
    expect(readTimestamp(object, 'bad', '/0', issues)).toBeNull();
    expect(readTimestamp(object, 'number', '/0', issues)).toBeNull();
    expect(issues.map((issue) => issue.path)).toEqual(['/0/bad', '/0/number']);
  });

  it('knows Go zero time when it sees it', () => {
    expect(isGoZeroTime(new Date('0001-01-01T00:00:00Z'))).toBe(true);
    expect(isGoZeroTime(new Date(0))).toBe(false);
  });
});
