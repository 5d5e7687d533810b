import { describe, expect, it } from 'vitest';
import { computeShifts } from '../../../src/oncall/schedules/compute-shifts.js';
import { whoIsOnCall } from '../../../src/oncall/schedules/who-is-on-call.js';
import { layerOf, scheduleOf } from './schedule-test-kit.js';

const schedule = scheduleOf(
  'Europe/Paris',
  [
    layerOf({
      id: 'base',
      participants: ['a1', 'a2', 'a3', 'a4'],
      rotation: { kind: 'weekly', handoffTime: '10:00', handoffWeekday: 1 },
    }),
    layerOf({
      id: 'nights',
      participants: ['b1', 'b2', 'b3'],
      restrictions: [{ weekdays: [1, 2, 3, 4, 5], from: '19:00', to: '08:00' }],
    }),
    layerOf({
      id: 'weekend',
      participants: ['c1', 'c2'],
      rotation: { kind: 'custom', lengthMinutes: 720, handoffTime: '08:00' },
      restrictions: [{ weekdays: [6, 7], from: '00:00', to: '00:00' }],
    }),
  ],
  Array.from({ length: 40 }, (_, i) => ({
    id: `o${i}`,
    userId: `o${i % 5}`,
    startsAt: new Date(Date.UTC(2026, 2, 1 + (i % 30), 1)).toISOString(),
    endsAt: new Date(Date.UTC(2026, 2, 1 + (i % 30), 5)).toISOString(),
  })),
);

/** Mean ms of `run` over many calls, after a warm-up (so JIT and zone caches are not measured). */
function meanMs(run: () => unknown, times = 200): number {
  for (let i = 0; i < 20; i += 1) run();
  const start = performance.now();
  for (let i = 0; i < times; i += 1) run();
  return (performance.now() - start) / times;
}

describe('computing schedules', () => {
  it('takes well under a few milliseconds for a month of a 3-layer schedule with restrictions and overrides', () => {
    const from = new Date('2026-03-01T00:00:00Z');
    const to = new Date('2026-04-01T00:00:00Z');
    expect(computeShifts(schedule, from, to).length).toBeGreaterThan(100);
    // About 0.1 ms on a laptop; the bound leaves room for slow CI machines.
    expect(meanMs(() => computeShifts(schedule, from, to))).toBeLessThan(3);
  });

  it('answers who is on call years after the anchor without walking the shifts in between', () => {
    expect(meanMs(() => whoIsOnCall(schedule, new Date('2036-06-15T12:00:00Z')))).toBeLessThan(3);
  });
});
