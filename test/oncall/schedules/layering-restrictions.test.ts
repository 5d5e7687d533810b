import { describe, expect, it } from 'vitest';
import { computeLayerShifts } from '../../../src/oncall/schedules/compute-layer-shifts.js';
import { computeShifts } from '../../../src/oncall/schedules/compute-shifts.js';
import { describeShifts, layerOf, localInstant, scheduleOf } from './schedule-test-kit.js';

const zone = 'Europe/Paris';
const at = (text: string): Date => localInstant(text, zone);
const weekly = { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 1 } as const;

describe('layers', () => {
  it('let a later layer win wherever it has someone on call, and the earlier one show through elsewhere', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'base', participants: ['alice', 'bob'], rotation: weekly }),
      layerOf({ id: 'nights', participants: ['nina'], restrictions: [{ from: '20:00', to: '08:00' }] }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T12:00'), at('2026-03-05T12:00')), zone)).toEqual([
      '03-03 12:00 → 03-03 20:00 alice base 8h',
      '03-03 20:00 → 03-04 08:00 nina nights 12h',
      '03-04 08:00 → 03-04 20:00 alice base 12h',
      '03-04 20:00 → 03-05 08:00 nina nights 12h',
      '03-05 08:00 → 03-05 12:00 alice base 4h',
    ]);
  });

  it('leave a gap with nobody where no layer has anyone', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'days', participants: ['dora'], restrictions: [{ from: '09:00', to: '18:00' }] }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-04T00:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 09:00 - 9h',
      '03-03 09:00 → 03-03 18:00 dora days 9h',
      '03-03 18:00 → 03-04 00:00 - 6h',
    ]);
  });

  it('are still rendered one by one, each with its own shifts', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'base', name: 'Base', participants: ['alice', 'bob'], rotation: weekly }),
      layerOf({ id: 'nights', name: 'Nights', participants: ['nina'], restrictions: [{ from: '20:00', to: '08:00' }] }),
    ]);
    const [base, nights] = computeLayerShifts(schedule, at('2026-03-03T00:00'), at('2026-03-04T00:00'));
    expect(base?.name).toBe('Base');
    expect(describeShifts(base?.shifts ?? [], zone)).toEqual(['03-03 00:00 → 03-04 00:00 alice 24h']);
    expect(nights?.name).toBe('Nights');
    expect(describeShifts(nights?.shifts ?? [], zone)).toEqual([
      '03-03 00:00 → 03-03 08:00 nina 8h',
      '03-03 20:00 → 03-04 00:00 nina 4h',
    ]);
  });
});

describe('restrictions', () => {
  it('keep a nights-only layer on call from 19:00 to 07:00, past midnight, the window belonging to the day it starts', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'n', participants: ['alice', 'bob'], restrictions: [{ from: '19:00', to: '07:00' }] }),
    ]);
    // The 09:00 handoffs fall outside the windows: the night starting on the 2nd lies in alice's shift, the 3rd's in bob's.
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-05T00:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 07:00 alice n 7h',
      '03-03 07:00 → 03-03 19:00 - 12h',
      '03-03 19:00 → 03-04 07:00 bob n 12h',
      '03-04 07:00 → 03-04 19:00 - 12h',
      '03-04 19:00 → 03-05 00:00 alice n 5h',
    ]);
  });

  it('cut a shift at the window edges when the handoff falls inside a window', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'r', participants: ['alice', 'bob'], restrictions: [{ from: '08:00', to: '10:00' }] }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T07:00'), at('2026-03-03T11:00')), zone)).toEqual([
      '03-03 07:00 → 03-03 08:00 - 1h',
      '03-03 08:00 → 03-03 09:00 alice r 1h',
      '03-03 09:00 → 03-03 10:00 bob r 1h',
      '03-03 10:00 → 03-03 11:00 - 1h',
    ]);
  });

  it('keep a weekdays-only layer (00:00 to 00:00, Monday to Friday) off over the weekend, one piece per week', () => {
    const schedule = scheduleOf(zone, [
      layerOf({
        id: 'wd',
        participants: ['alice', 'bob'],
        rotation: weekly,
        restrictions: [{ weekdays: [1, 2, 3, 4, 5], from: '00:00', to: '00:00' }],
      }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-06T00:00'), at('2026-03-17T00:00')), zone)).toEqual([
      '03-06 00:00 → 03-07 00:00 alice wd 24h',
      '03-07 00:00 → 03-09 00:00 - 48h',
      '03-09 00:00 → 03-09 09:00 alice wd 9h',
      '03-09 09:00 → 03-14 00:00 bob wd 111h',
      '03-14 00:00 → 03-16 00:00 - 48h',
      '03-16 00:00 → 03-16 09:00 bob wd 9h',
      '03-16 09:00 → 03-17 00:00 alice wd 15h',
    ]);
  });

  it('read weekdays as the day a window starts: a Friday night window runs into Saturday', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'fri', participants: ['fred'], restrictions: [{ weekdays: [5], from: '22:00', to: '06:00' }] }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-05T12:00'), at('2026-03-08T12:00')), zone)).toEqual([
      '03-05 12:00 → 03-06 22:00 - 34h',
      '03-06 22:00 → 03-07 06:00 fred fri 8h',
      '03-07 06:00 → 03-08 12:00 - 30h',
    ]);
  });

  it('include a window that started before the asked window and runs past midnight into it', () => {
    const schedule = scheduleOf(zone, [
      layerOf({ id: 'n', participants: ['nina'], restrictions: [{ weekdays: [2], from: '22:00', to: '06:00' }] }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-04T02:00'), at('2026-03-04T08:00')), zone)).toEqual([
      '03-04 02:00 → 03-04 06:00 nina n 4h',
      '03-04 06:00 → 03-04 08:00 - 2h',
    ]);
  });

  it('combine as a union: overlapping and touching windows make one piece', () => {
    const schedule = scheduleOf(zone, [
      layerOf({
        id: 'u',
        participants: ['ursula'],
        restrictions: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '14:00' },
          { from: '14:00', to: '15:00' },
        ],
      }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T10:00'), at('2026-03-03T16:00')), zone)).toEqual([
      '03-03 10:00 → 03-03 15:00 ursula u 5h',
      '03-03 15:00 → 03-03 16:00 - 1h',
    ]);
  });
});
