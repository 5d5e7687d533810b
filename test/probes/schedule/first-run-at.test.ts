import { describe, expect, it } from 'vitest';
import { firstRunAt, nextRunAt } from '../../../src/probes/schedule/first-run-at.js';

const now = new Date('2026-12-04T10:00:00Z');

describe('when probes run', () => {
  it('spreads first checks over one interval', () => {
    const offsets = Array.from({ length: 1000 }, () => firstRunAt(now, 30).getTime() - now.getTime());
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(30_000);
    // Not all at once: the thousand land in every tenth of the interval.
    const tenths = new Set(offsets.map((offset) => Math.floor(offset / 3000)));
    expect(tenths.size).toBe(10);
  });

  it('keeps a probe on its rhythm, however long its check took', () => {
    const scheduled = new Date('2026-12-04T09:59:45Z');
    expect(nextRunAt(scheduled, 30, now).toISOString()).toBe('2026-12-04T10:00:15.000Z');
  });

  it('does not catch up missed slots after a stop, but lands somewhere in the coming interval', () => {
    const longAgo = new Date('2026-12-04T08:00:00Z');
    expect(nextRunAt(longAgo, 30, now, () => 0.5).toISOString()).toBe('2026-12-04T10:00:15.000Z');
    expect(nextRunAt(longAgo, 30, now, () => 0).toISOString()).toBe(now.toISOString());
  });
});
