import { describe, expect, it } from 'vitest';
import { computeShifts } from '../../../src/oncall/schedules/compute-shifts.js';
import { nextShiftsOf } from '../../../src/oncall/schedules/next-shifts-of.js';
import type { Override } from '../../../src/oncall/schedules/schedule-model.js';
import { describeShifts, layerOf, localInstant, scheduleOf } from './schedule-test-kit.js';

const zone = 'Europe/Paris';
const at = (text: string): Date => localInstant(text, zone);
const layers = [
  layerOf({ id: 'base', participants: ['alice', 'bob'] }),
  layerOf({ id: 'days', participants: ['dora'], restrictions: [{ from: '12:00', to: '14:00' }] }),
];
const override = (
  id: string,
  userId: string,
  startsAt: string,
  endsAt: string,
  extra: Partial<Override> = {},
): Override => ({
  id,
  userId,
  startsAt: `${startsAt}:00+01:00`,
  endsAt: `${endsAt}:00+01:00`,
  ...extra,
});

describe('overrides', () => {
  it('cover part of a shift: someone takes 02:00 to 06:00 and the shift resumes after', () => {
    const schedule = scheduleOf(zone, layers, [override('o1', 'oscar', '2026-03-03T02:00', '2026-03-03T06:00')]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-03T09:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 02:00 alice base 2h',
      '03-03 02:00 → 03-03 06:00 oscar o1 4h',
      '03-03 06:00 → 03-03 09:00 alice base 3h',
    ]);
  });

  it('win over every layer, the later layers too, and may span handoffs', () => {
    const schedule = scheduleOf(zone, layers, [override('o1', 'oscar', '2026-03-03T08:00', '2026-03-04T13:00')]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-04T16:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 08:00 alice base 8h',
      '03-03 08:00 → 03-04 13:00 oscar o1 29h',
      '03-04 13:00 → 03-04 14:00 dora days 1h',
      '03-04 14:00 → 03-04 16:00 alice base 2h',
    ]);
  });

  it('overlap by the later-created one winning: the later in the list covers its whole period', () => {
    const schedule = scheduleOf(zone, layers, [
      override('early', 'oscar', '2026-03-03T01:00', '2026-03-03T05:00'),
      override('late', 'olga', '2026-03-03T03:00', '2026-03-03T04:00'),
      override('later', 'otto', '2026-03-03T04:30', '2026-03-03T06:00'),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-03T07:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 01:00 alice base 1h',
      '03-03 01:00 → 03-03 03:00 oscar early 2h',
      '03-03 03:00 → 03-03 04:00 olga late 1h',
      '03-03 04:00 → 03-03 04:30 oscar early 0.5h',
      '03-03 04:30 → 03-03 06:00 otto later 1.5h',
      '03-03 06:00 → 03-03 07:00 alice base 1h',
    ]);
  });

  it('by the person already on call still show as an override, not merged with the layer shift', () => {
    const schedule = scheduleOf(zone, layers, [override('o1', 'alice', '2026-03-03T02:00', '2026-03-03T04:00')]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T01:00'), at('2026-03-03T05:00')), zone)).toEqual([
      '03-03 01:00 → 03-03 02:00 alice base 1h',
      '03-03 02:00 → 03-03 04:00 alice o1 2h',
      '03-03 04:00 → 03-03 05:00 alice base 1h',
    ]);
  });

  it('outside the asked window change nothing, and one running at its start is cut to it', () => {
    const schedule = scheduleOf(zone, layers, [
      override('old', 'oscar', '2026-03-01T00:00', '2026-03-02T00:00'),
      override('o1', 'olga', '2026-03-02T20:00', '2026-03-03T02:00'),
    ]);
    expect(describeShifts(computeShifts(schedule, at('2026-03-03T00:00'), at('2026-03-03T03:00')), zone)).toEqual([
      '03-03 00:00 → 03-03 02:00 olga o1 2h',
      '03-03 02:00 → 03-03 03:00 alice base 1h',
    ]);
  });
});

describe('a shift swap', () => {
  // bob gives his shift of the 3rd (09:00 to 09:00) to alice, who gives hers of the 4th to bob.
  const schedule = scheduleOf(
    zone,
    [layers[0]!],
    [
      override('swap-1', 'alice', '2026-03-03T09:00', '2026-03-04T09:00', {
        swap: { requestedBy: 'bob', takenBy: 'alice' },
        reason: 'dentist',
      }),
      override('swap-2', 'bob', '2026-03-04T09:00', '2026-03-05T09:00', {
        swap: { requestedBy: 'alice', takenBy: 'bob' },
      }),
    ],
  );

  it("puts the taker on call for the requester's shift and back", () => {
    expect(describeShifts(computeShifts(schedule, at('2026-03-02T09:00'), at('2026-03-06T09:00')), zone)).toEqual([
      '03-02 09:00 → 03-03 09:00 alice base 24h',
      '03-03 09:00 → 03-04 09:00 alice swap-1 24h',
      '03-04 09:00 → 03-05 09:00 bob swap-2 24h',
      '03-05 09:00 → 03-06 09:00 bob base 24h',
    ]);
  });

  it("shows in each person's own shifts, the swapped ones as overrides", () => {
    expect(
      describeShifts(nextShiftsOf(schedule, 'alice', at('2026-03-02T09:00'), at('2026-03-08T09:00')), zone),
    ).toEqual([
      '03-02 09:00 → 03-03 09:00 alice base 24h',
      '03-03 09:00 → 03-04 09:00 alice swap-1 24h',
      '03-06 09:00 → 03-07 09:00 alice base 24h',
    ]);
    expect(describeShifts(nextShiftsOf(schedule, 'bob', at('2026-03-02T09:00'), at('2026-03-08T09:00')), zone)).toEqual(
      [
        '03-04 09:00 → 03-05 09:00 bob swap-2 24h',
        '03-05 09:00 → 03-06 09:00 bob base 24h',
        '03-07 09:00 → 03-08 09:00 bob base 24h',
      ],
    );
    expect(nextShiftsOf(schedule, 'nobody', at('2026-03-02T09:00'), at('2026-03-08T09:00'))).toEqual([]);
  });
});
