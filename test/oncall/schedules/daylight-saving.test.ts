import { describe, expect, it } from 'vitest';
import { computeLayerShifts } from '../../../src/oncall/schedules/compute-layer-shifts.js';
import { computeShifts } from '../../../src/oncall/schedules/compute-shifts.js';
import { whoIsOnCall } from '../../../src/oncall/schedules/who-is-on-call.js';
import { describeShifts, hoursOf, layerOf, localInstant, scheduleOf } from './schedule-test-kit.js';

const utc = (text: string): Date => new Date(text);

/** Both zones follow the EU rule: 2026-03-29 02:00 → 03:00 and 2026-10-25 03:00 → 02:00. */
describe.each(['Europe/Paris', 'Europe/Zurich'])('daylight saving time in %s', (zone) => {
  const at = (text: string): Date => localInstant(text, zone);
  const daily = (handoffTime: string) =>
    scheduleOf(zone, [
      layerOf({
        id: 'd',
        participants: ['alice', 'bob'],
        rotation: { kind: 'daily', handoffTime },
        startsAt: '2026-01-01T00:00:00Z',
      }),
    ]);

  it('keeps a daily 09:00 handoff at 09:00 local, so the shift over the spring change lasts 23 h', () => {
    expect(describeShifts(computeShifts(daily('09:00'), at('2026-03-28T09:00'), at('2026-03-31T09:00')), zone)).toEqual(
      [
        '03-28 09:00 → 03-29 09:00 alice d 23h',
        '03-29 09:00 → 03-30 09:00 bob d 24h',
        '03-30 09:00 → 03-31 09:00 alice d 24h',
      ],
    );
  });

  it('keeps a daily 09:00 handoff at 09:00 local, so the shift over the autumn change lasts 25 h', () => {
    expect(describeShifts(computeShifts(daily('09:00'), at('2026-10-24T09:00'), at('2026-10-26T09:00')), zone)).toEqual(
      ['10-24 09:00 → 10-25 09:00 alice d 25h', '10-25 09:00 → 10-26 09:00 bob d 24h'],
    );
  });

  it('moves a 02:30 handoff that does not exist on the spring day forward by the gap, to 03:30 summer time', () => {
    const shifts = computeShifts(daily('02:30'), at('2026-03-28T02:30'), at('2026-03-30T02:30'));
    expect(shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), hoursOf(s)])).toEqual([
      ['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', 24], // 02:30 +01:00 → 03:30 +02:00
      ['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z', 23], // back to 02:30 the next day
    ]);
    expect(whoIsOnCall(daily('02:30'), utc('2026-03-29T01:29:59Z'))?.userId).toBe('alice');
    expect(whoIsOnCall(daily('02:30'), utc('2026-03-29T01:30:00Z'))).toEqual({
      userId: 'bob',
      layerId: 'd',
      overrideId: null,
      until: utc('2026-03-30T00:30:00Z'),
    });
  });

  it('takes the first of the two 02:30s of the autumn day, in summer time', () => {
    const shifts = computeShifts(daily('02:30'), utc('2026-10-24T00:30:00Z'), utc('2026-10-26T01:30:00Z'));
    expect(shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), hoursOf(s)])).toEqual([
      ['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', 24], // 02:30 +02:00, the first one
      ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', 25], // then 02:30 +01:00 the next day
    ]);
  });

  it('keeps a weekly rotation on the wall clock too: 167 h over the spring change', () => {
    const weekly = scheduleOf(zone, [
      layerOf({
        id: 'w',
        participants: ['alice'],
        rotation: { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 1 },
      }),
    ]);
    const [layer] = computeLayerShifts(weekly, at('2026-03-23T09:00'), at('2026-04-06T09:00'));
    expect(layer?.shifts.map(hoursOf)).toEqual([167, 168]);
  });

  it('keeps a custom rotation a fixed duration, so its local handoff time moves by the change', () => {
    const custom = scheduleOf(zone, [
      layerOf({
        id: 'c',
        participants: ['alice', 'bob'],
        rotation: { kind: 'custom', lengthMinutes: 720, handoffTime: '08:00' },
        startsAt: '2026-03-01T00:00:00Z',
      }),
    ]);
    expect(describeShifts(computeShifts(custom, at('2026-03-28T20:00'), at('2026-03-30T09:00')), zone)).toEqual([
      '03-28 20:00 → 03-29 09:00 bob c 12h',
      '03-29 09:00 → 03-29 21:00 alice c 12h',
      '03-29 21:00 → 03-30 09:00 bob c 12h',
    ]);
  });

  it('measures restriction windows on the wall clock: a 22:00 to 06:00 night lasts 7 h in spring and 9 h in autumn', () => {
    const nights = scheduleOf(zone, [
      layerOf({ id: 'n', participants: ['nina'], restrictions: [{ from: '22:00', to: '06:00' }] }),
    ]);
    const [spring] = computeLayerShifts(nights, at('2026-03-28T12:00'), at('2026-03-29T12:00'));
    const [autumn] = computeLayerShifts(nights, at('2026-10-24T12:00'), at('2026-10-25T12:00'));
    expect(spring?.shifts.map(hoursOf)).toEqual([7]);
    expect(autumn?.shifts.map(hoursOf)).toEqual([9]);
  });

  it('drops a restriction window lying wholly in the missing hour', () => {
    const gap = scheduleOf(zone, [
      layerOf({ id: 'g', participants: ['gus'], restrictions: [{ from: '02:00', to: '03:00' }] }),
    ]);
    const [layer] = computeLayerShifts(gap, at('2026-03-28T00:00'), at('2026-03-31T00:00'));
    expect(describeShifts(layer?.shifts ?? [], zone)).toEqual([
      '03-28 02:00 → 03-28 03:00 gus 1h',
      '03-30 02:00 → 03-30 03:00 gus 1h',
    ]);
  });
});

describe('Africa/Algiers, UTC+1 without daylight saving time', () => {
  const zone = 'Africa/Algiers';
  const daily = scheduleOf(zone, [
    layerOf({ id: 'd', participants: ['amine', 'yasmine'], startsAt: '1970-01-01T00:00:00Z' }),
  ]);

  it('has every daily shift of 2026 last 24 h, handed over at 09:00 local (08:00 UTC)', () => {
    const shifts = computeShifts(daily, utc('2026-01-01T08:00:00Z'), utc('2027-01-01T08:00:00Z'));
    expect(shifts).toHaveLength(365);
    expect(new Set(shifts.map(hoursOf))).toEqual(new Set([24]));
    expect(new Set(shifts.map((s) => s.start.toISOString().slice(11)))).toEqual(new Set(['08:00:00.000Z']));
  });

  it('follows the tz history: Algeria changed clocks in 1980 and 1981, so those shifts lasted 25 h and 23 h', () => {
    const at = (text: string): Date => localInstant(text, zone);
    expect(describeShifts(computeShifts(daily, at('1980-10-30T09:00'), at('1980-10-31T09:00')), zone)).toEqual([
      '1980-10-30 09:00 → 1980-10-31 09:00 yasmine d 25h',
    ]);
    expect(computeShifts(daily, at('1981-04-30T09:00'), at('1981-05-01T09:00')).map(hoursOf)).toEqual([23]);
    expect(at('1981-05-01T09:00').toISOString()).toBe('1981-05-01T08:00:00.000Z');
    expect(at('1981-04-30T09:00').toISOString()).toBe('1981-04-30T09:00:00.000Z');
  });
});
