import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type AppError } from '../../src/core/app-error.js';
import { calendarBuckets, resolvePeriod } from '../../src/reports/report-period.js';

const now = new Date('2026-05-10T12:00:00Z');

describe('report periods and calendar buckets', () => {
  it('reads dates as local midnight, local date-times in the zone, and instants with their offset', () => {
    expect(resolvePeriod({ from: '2026-03-01', to: '2026-04-01', timeZone: 'Europe/Paris' }, now)).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      to: new Date('2026-03-31T22:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(
      resolvePeriod({ from: '2026-03-01T08:00', to: '2026-03-02T08:00:00Z', timeZone: 'America/New_York' }, now),
    ).toMatchObject({
      from: new Date('2026-03-01T13:00:00Z'),
      to: new Date('2026-03-02T08:00:00Z'),
    });
    // Intl's spelling, whatever the casing asked.
    expect(resolvePeriod({ timeZone: 'europe/paris' }, now)).toEqual({
      from: new Date('2026-04-10T12:00:00Z'),
      to: now,
      timeZone: 'Europe/Paris',
    });
  });

  it('refuses an empty, reversed or longer-than-366-days period, and bad dates, naming each field', () => {
    const issues = (input: Parameters<typeof resolvePeriod>[0]): string[] => {
      try {
        resolvePeriod(input, now);
        return [];
      } catch (error) {
        return ((error as AppError).details['issues'] as { path: string }[]).map((issue) => issue.path);
      }
    };
    expect(issues({ from: '2025-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })).toEqual([]);
    expect(issues({ from: '2025-01-01T00:00:00Z', to: '2026-01-02T00:00:01Z' })).toEqual(['/querystring/to']);
    expect(issues({ from: '2026-01-01', to: '2026-01-01' })).toEqual(['/querystring/to']);
    expect(issues({ from: 'soon', to: '31/12/2026' })).toEqual(['/querystring/to', '/querystring/from']);
    expect(issues({ timeZone: 'Europe/Atlantis' })).toEqual(['/querystring/timeZone']);
  });

  it('cuts weeks from Monday 00:00 local, each checked against Luxon, over a year with both changes in three zones', () => {
    for (const timeZone of ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
      const period = resolvePeriod({ from: '2026-01-05', to: '2027-01-04', timeZone }, now);
      const weeks = calendarBuckets(period, 'week');
      expect(weeks).toHaveLength(52);
      for (const week of weeks) {
        const start = DateTime.fromJSDate(week.start, { zone: timeZone });
        expect([start.weekday, start.hour, start.minute], `${timeZone} ${week.date}`).toEqual([1, 0, 0]);
        expect(start.toISODate()).toBe(week.date);
        expect(DateTime.fromJSDate(week.end, { zone: timeZone }).diff(start, 'days').days).toBe(7);
        expect(week.hours).toBe((week.end.getTime() - week.start.getTime()) / 3_600_000);
      }
      const odd = weeks.filter((week) => week.hours !== 168).map((week) => [week.date, week.hours]);
      expect(odd, timeZone).toEqual(
        {
          'Europe/Paris': [
            ['2026-03-23', 167],
            ['2026-10-19', 169],
          ],
          'America/New_York': [
            ['2026-03-02', 167],
            ['2026-10-26', 169],
          ],
          'Australia/Sydney': [
            ['2026-03-30', 169],
            ['2026-09-28', 167],
          ],
          'Asia/Kolkata': [],
        }[timeZone],
      );
    }
  });

  it('cuts days at local midnight: 23 and 25 hours on change days, whole days in UTC', () => {
    const spring = calendarBuckets(
      resolvePeriod({ from: '2026-03-28', to: '2026-03-31', timeZone: 'Europe/Paris' }, now),
      'day',
    );
    expect(spring.map((day) => [day.date, day.start.toISOString(), day.hours])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z', 24],
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
    const autumn = calendarBuckets(
      resolvePeriod({ from: '2026-10-25', to: '2026-10-26', timeZone: 'Europe/Paris' }, now),
      'day',
    );
    expect(autumn).toEqual([
      {
        date: '2026-10-25',
        start: new Date('2026-10-24T22:00:00Z'),
        end: new Date('2026-10-25T23:00:00Z'),
        partial: false,
        hours: 25,
      },
    ]);
    const cut = calendarBuckets(
      resolvePeriod({ from: '2026-10-25T10:00:00Z', to: '2026-10-25T11:00:00Z' }, now),
      'day',
    );
    expect(cut).toEqual([
      {
        date: '2026-10-25',
        start: new Date('2026-10-25T10:00:00Z'),
        end: new Date('2026-10-25T11:00:00Z'),
        partial: true,
        hours: 24,
      },
    ]);
  });
});
