import { describe, expect, it } from 'vitest';
import { computeLayerShifts } from '../../../src/oncall/schedules/compute-layer-shifts.js';
import { computeShifts } from '../../../src/oncall/schedules/compute-shifts.js';
import { describeShifts, layerOf, localInstant, scheduleOf } from './schedule-test-kit.js';

const zone = 'Europe/Paris';
const at = (text: string): Date => localInstant(text, zone);

describe('a daily rotation', () => {
  const schedule = scheduleOf(zone, [layerOf({ id: 'primary', participants: ['alice', 'bob', 'carol'] })]);

  it('hands off every day at the handoff time, in participant order, and wraps around', () => {
    expect(describeShifts(computeShifts(schedule, at('2026-03-02T00:00'), at('2026-03-06T12:00')), zone)).toEqual([
      '03-02 00:00 → 03-02 09:00 - 9h',
      '03-02 09:00 → 03-03 09:00 alice primary 24h',
      '03-03 09:00 → 03-04 09:00 bob primary 24h',
      '03-04 09:00 → 03-05 09:00 carol primary 24h',
      '03-05 09:00 → 03-06 09:00 alice primary 24h',
      '03-06 09:00 → 03-06 12:00 bob primary 3h',
    ]);
  });

  it('starts at the first handoff at or after its anchor, so an anchor on the handoff is the first shift', () => {
    const later = scheduleOf(zone, [
      layerOf({ id: 'p', participants: ['alice', 'bob'], startsAt: '2026-03-02T10:00:00+01:00' }),
    ]);
    const onTime = scheduleOf(zone, [
      layerOf({ id: 'p', participants: ['alice', 'bob'], startsAt: '2026-03-02T09:00:00+01:00' }),
    ]);
    expect(describeShifts(computeShifts(later, at('2026-03-02T00:00'), at('2026-03-03T12:00')), zone)).toEqual([
      '03-02 00:00 → 03-03 09:00 - 33h',
      '03-03 09:00 → 03-03 12:00 alice p 3h',
    ]);
    expect(describeShifts(computeShifts(onTime, at('2026-03-02T09:00'), at('2026-03-02T10:00')), zone)).toEqual([
      '03-02 09:00 → 03-02 10:00 alice p 1h',
    ]);
  });

  it('keeps counting from its anchor whatever window is asked for, years later', () => {
    const shifts = computeShifts(schedule, at('2031-07-14T12:00'), at('2031-07-15T12:00'));
    // 2026-03-02 to 2031-07-14 is 1960 days: 1960 % 3 = 1, so bob has the shift handed over on the 14th.
    expect(describeShifts(shifts, zone)).toEqual([
      '2031-07-14 12:00 → 2031-07-15 09:00 bob primary 21h',
      '2031-07-15 09:00 → 2031-07-15 12:00 carol primary 3h',
    ]);
  });

  it('has nobody on call from its end on', () => {
    const ending = scheduleOf(zone, [
      layerOf({ id: 'p', participants: ['alice', 'bob'], endsAt: '2026-03-03T21:00:00+01:00' }),
    ]);
    expect(describeShifts(computeShifts(ending, at('2026-03-03T00:00'), at('2026-03-04T00:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 09:00 alice p 9h',
      '03-03 09:00 → 03-03 21:00 bob p 12h',
      '03-03 21:00 → 03-04 00:00 - 3h',
    ]);
  });

  it('merges consecutive shifts of a one-person layer in the timeline but not in the layer rendering', () => {
    const solo = scheduleOf(zone, [layerOf({ id: 'solo', participants: ['alice'] })]);
    expect(describeShifts(computeShifts(solo, at('2026-03-03T00:00'), at('2026-03-06T00:00')), zone)).toEqual([
      '03-03 00:00 → 03-06 00:00 alice solo 72h',
    ]);
    const [rendering] = computeLayerShifts(solo, at('2026-03-03T00:00'), at('2026-03-05T00:00'));
    expect(rendering?.layerId).toBe('solo');
    expect(describeShifts(rendering?.shifts ?? [], zone)).toEqual([
      '03-03 00:00 → 03-03 09:00 alice 9h',
      '03-03 09:00 → 03-04 09:00 alice 24h',
      '03-04 09:00 → 03-05 00:00 alice 15h',
    ]);
  });

  it('gives an empty timeline for an empty or reversed window', () => {
    expect(computeShifts(schedule, at('2026-03-05T00:00'), at('2026-03-05T00:00'))).toEqual([]);
    expect(computeShifts(schedule, at('2026-03-05T00:00'), at('2026-03-04T00:00'))).toEqual([]);
  });
});

describe('a weekly rotation', () => {
  const schedule = scheduleOf(zone, [
    layerOf({
      id: 'weekly',
      participants: ['alice', 'bob'],
      rotation: { kind: 'weekly', handoffTime: '10:00', handoffWeekday: 3 },
      startsAt: '2026-03-02T00:00:00+01:00',
    }),
  ]);

  it('hands off on its ISO weekday (3 is Wednesday) at the handoff time', () => {
    expect(describeShifts(computeShifts(schedule, at('2026-03-02T00:00'), at('2026-03-19T00:00')), zone)).toEqual([
      '03-02 00:00 → 03-04 10:00 - 58h',
      '03-04 10:00 → 03-11 10:00 alice weekly 168h',
      '03-11 10:00 → 03-18 10:00 bob weekly 168h',
      '03-18 10:00 → 03-19 00:00 alice weekly 14h',
    ]);
  });

  it('starts the next week when the anchor falls on the handoff day after the handoff time', () => {
    const late = scheduleOf(zone, [
      layerOf({
        id: 'w',
        participants: ['alice'],
        rotation: { kind: 'weekly', handoffTime: '10:00', handoffWeekday: 3 },
        startsAt: '2026-03-04T10:01:00+01:00',
      }),
    ]);
    expect(describeShifts(computeShifts(late, at('2026-03-04T00:00'), at('2026-03-12T00:00')), zone)).toEqual([
      '03-04 00:00 → 03-11 10:00 - 178h',
      '03-11 10:00 → 03-12 00:00 alice w 14h',
    ]);
  });
});

describe('a custom rotation', () => {
  it('lasts exactly lengthMinutes, its first handoff at the handoff time after the anchor', () => {
    const schedule = scheduleOf(zone, [
      layerOf({
        id: 'c',
        participants: ['alice', 'bob', 'carol'],
        rotation: { kind: 'custom', lengthMinutes: 12 * 60, handoffTime: '08:00' },
        startsAt: '2026-03-02T09:00:00+01:00',
      }),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-05T00:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 08:00 - 8h',
      '03-03 08:00 → 03-03 20:00 alice c 12h',
      '03-03 20:00 → 03-04 08:00 bob c 12h',
      '03-04 08:00 → 03-04 20:00 carol c 12h',
      '03-04 20:00 → 03-05 00:00 alice c 4h',
    ]);
  });

  it('finds the right shift of a 90-minute rotation far from its anchor without walking there', () => {
    const schedule = scheduleOf(zone, [
      layerOf({
        id: 'c',
        participants: ['a', 'b', 'c', 'd'],
        rotation: { kind: 'custom', lengthMinutes: 90, handoffTime: '00:00' },
        startsAt: '2026-01-01T00:00:00+01:00',
      }),
    ]);
    // 2027-01-01 00:00 +01:00 is 365 days = 5840 shifts of 90 min after the anchor: 5840 % 4 = 0.
    expect(describeShifts(computeShifts(schedule, at('2027-01-01T00:00'), at('2027-01-01T03:00')), zone)).toEqual([
      '2027-01-01 00:00 → 2027-01-01 01:30 a c 1.5h',
      '2027-01-01 01:30 → 2027-01-01 03:00 b c 1.5h',
    ]);
  });
});
