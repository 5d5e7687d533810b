import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { checkSchedule, listScheduleIssues } from '../../../src/oncall/schedules/check-schedule.js';

const layer = {
  id: 'primary',
  name: 'Primary',
  rotation: { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 1 },
  startsAt: '2026-03-02T09:00:00+01:00',
  participants: ['alice', 'bob'],
};
const valid = {
  timeZone: 'Europe/Paris',
  layers: [
    layer,
    {
      ...layer,
      id: 'nights',
      rotation: { kind: 'daily', handoffTime: '19:00' },
      restrictions: [{ weekdays: [1, 2, 3, 4, 5], from: '19:00', to: '07:00' }],
    },
  ],
  overrides: [
    {
      id: 'o1',
      userId: 'carol',
      startsAt: '2026-03-03T02:00:00+01:00',
      endsAt: '2026-03-03T06:00:00+01:00',
      reason: 'alice at the dentist',
    },
    {
      id: 'o2',
      userId: 'bob',
      startsAt: '2026-03-04T09:00:00+01:00',
      endsAt: '2026-03-05T09:00:00+01:00',
      swap: { requestedBy: 'alice', takenBy: 'bob' },
    },
  ],
};

/** The issues of `valid` with some changes, as `path: message` lines. */
function issuesOf(changes: Record<string, unknown>, path = ''): string[] {
  return listScheduleIssues({ ...valid, ...changes }, path).map((issue) => `${issue.path}: ${issue.message}`);
}

describe('checkSchedule', () => {
  it('returns a valid schedule as it is, typed', () => {
    expect(checkSchedule(valid)).toBe(valid);
    expect(checkSchedule({ timeZone: 'Africa/Algiers', layers: [], overrides: [] }).layers).toEqual([]);
  });

  it('accepts a schedule back from JSON unchanged, as storage returns it', () => {
    const stored = JSON.parse(JSON.stringify(valid)) as unknown;
    expect(checkSchedule(stored)).toEqual(valid);
  });

  it('throws one validation error naming every failing field, its message showing the first ones', () => {
    const call = (): unknown =>
      checkSchedule({ ...valid, timeZone: 'Mars/Olympus', layers: [{ ...layer, endsAt: '2026-03-01T00:00:00Z' }] });
    expect(call).toThrow(AppError);
    expect(call).toThrow(
      'invalid on-call schedule: /timeZone is not an IANA time zone, like Europe/Paris; /layers/0/endsAt must be after startsAt',
    );
    try {
      call();
    } catch (error) {
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).details.issues).toHaveLength(2);
    }
  });

  it('reports schema errors in words, at the path of the failing field, under a prefix', () => {
    expect(
      issuesOf(
        { timeZone: 7, colour: 'red', overrides: [{ id: 'o', userId: 'u', startsAt: 'tomorrow' }] },
        '/schedule',
      ),
    ).toEqual([
      '/schedule/colour: is not a known field',
      '/schedule/timeZone: must be string',
      '/schedule/overrides/0/endsAt: is required',
      '/schedule/overrides/0/startsAt: must be an ISO 8601 date-time with an offset, like 2026-03-02T09:00:00+01:00',
    ]);
    expect(
      issuesOf({ layers: [{ ...layer, rotation: { kind: 'hourly', handoffTime: '9:00' }, participants: [] }] }),
    ).toEqual([
      '/layers/0/rotation/kind: must be one of daily, weekly, custom',
      '/layers/0/rotation/handoffTime: must be a local time HH:mm, from 00:00 to 23:59',
      '/layers/0/participants: must not have fewer than 1 items',
    ]);
  });

  it('refuses a date-time without an offset, since it would name no instant', () => {
    expect(issuesOf({ layers: [{ ...layer, startsAt: '2026-03-02T09:00:00' }] })).toEqual([
      '/layers/0/startsAt: must be an ISO 8601 date-time with an offset, like 2026-03-02T09:00:00+01:00',
    ]);
    expect(issuesOf({ layers: [{ ...layer, startsAt: '2026-03-02T09:00:00+01:00[Europe/Paris]' }] })).toEqual([
      '/layers/0/startsAt: is not a date-time that can be read: drop any [zone] suffix or leap second',
    ]);
  });

  it('asks each rotation kind for its own fields and no others', () => {
    expect(
      issuesOf({
        layers: [
          { ...layer, rotation: { kind: 'custom', handoffTime: '09:00' } },
          { ...layer, id: 'b', rotation: { kind: 'weekly', handoffTime: '09:00' } },
          {
            ...layer,
            id: 'c',
            rotation: { kind: 'daily', handoffTime: '09:00', handoffWeekday: 2, lengthMinutes: 60 },
          },
          { ...layer, id: 'd', rotation: { kind: 'custom', handoffTime: '09:00', lengthMinutes: 5 } },
        ],
      }),
    ).toEqual([
      '/layers/3/rotation/lengthMinutes: must be >= 15',
      '/layers/0/rotation/lengthMinutes: is required by a custom rotation',
      '/layers/1/rotation/handoffWeekday: is required by a weekly rotation',
      '/layers/2/rotation/lengthMinutes: is only for custom rotations: a daily shift follows the wall clock',
      '/layers/2/rotation/handoffWeekday: is only for weekly rotations',
    ]);
  });

  it('wants distinct layer and override ids, and periods that end after they start', () => {
    expect(
      issuesOf({
        layers: [layer, { ...layer, endsAt: '2026-03-02T09:00:00+01:00' }],
        overrides: [valid.overrides[0], { ...valid.overrides[0], endsAt: '2026-03-03T01:00:00+01:00' }],
      }),
    ).toEqual([
      '/layers/1/id: repeats the id of /layers/0',
      '/layers/1/endsAt: must be after startsAt',
      '/overrides/1/id: repeats the id of /overrides/0',
      '/overrides/1/endsAt: must be after startsAt',
    ]);
  });

  it('wants well-formed restrictions: HH:mm times, ISO weekdays once each, at least one window', () => {
    expect(
      issuesOf({
        layers: [
          { ...layer, restrictions: [{ weekdays: [1, 1, 8], from: '24:00', to: '07:00' }] },
          { ...layer, id: 'b', restrictions: [] },
        ],
      }),
    ).toEqual([
      '/layers/0/restrictions/0/weekdays/2: must be <= 7',
      '/layers/0/restrictions/0/weekdays: must not have duplicate items',
      '/layers/0/restrictions/0/from: must be a local time HH:mm, from 00:00 to 23:59',
      '/layers/1/restrictions: must not have fewer than 1 items',
    ]);
  });

  it('wants a swap to name the override user as the one who takes the shift, from someone else', () => {
    const override = valid.overrides[1]!;
    expect(
      issuesOf({
        overrides: [
          { ...override, swap: { requestedBy: 'alice', takenBy: 'carol' } },
          { ...override, id: 'o3', swap: { requestedBy: 'bob', takenBy: 'bob' } },
        ],
      }),
    ).toEqual([
      '/overrides/0/swap/takenBy: must be the override userId: who takes the shift is on call',
      '/overrides/1/swap/requestedBy: must differ from takenBy',
    ]);
  });

  it('reports something useful for input that is not an object at all', () => {
    expect(listScheduleIssues(null).length).toBeGreaterThan(0);
    expect(listScheduleIssues('schedule').length).toBeGreaterThan(0);
  });
});
