import { DateTime, IANAZone } from 'luxon';
import { Type, type Static } from 'typebox';
import { validationError, type FieldIssue } from '../core/app-error.js';

/** Reports cover at most this many days: a year and a leap day, enough for year-on-year looks. */
export const maxPeriodDays = 366;
/** Without `from`, a report covers this many days before `to`. */
export const defaultPeriodDays = 30;
const dayMs = 86_400_000;

/**
 * The period every report takes. `from`/`to` are ISO 8601: a date (`2026-03-23`, midnight in
 * `timeZone`), a local date-time (`2026-03-23T08:00`, in `timeZone`) or an instant with its offset
 * (`2026-03-23T07:00:00Z`). Query-string fields, hence the `/querystring` paths of their errors.
 */
export const periodFields = {
  from: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'start, included (ISO date or date-time); default 30 days before `to`',
      examples: ['2026-03-01'],
    }),
  ),
  to: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'end, excluded (ISO date or date-time); default now',
      examples: ['2026-04-01'],
    }),
  ),
  timeZone: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'IANA time zone days and weeks are cut in; default UTC',
      examples: ['Europe/Paris'],
    }),
  ),
};
export const PeriodQuery = Type.Object(periodFields, { additionalProperties: false });
export type PeriodQuery = Static<typeof PeriodQuery>;

/** A resolved period: two instants and the zone its calendar is read in. */
export interface ReportPeriod {
  from: Date;
  to: Date;
  timeZone: string;
}

/** A slice of time (a local day or week, cut to the period), as SQL joins against it. */
export interface TimeBucket {
  /** The local calendar date the slice starts on (`2026-03-23`), in the period's zone. */
  date: string;
  start: Date;
  end: Date;
  /** Whether the period cuts the day or week short. */
  partial: boolean;
  /** Its length in hours: 23 or 25 for a day with a daylight-saving change, 167 or 169 for its week. */
  hours: number;
}

/** The zone as Intl spells it, or a 400 at `/querystring/timeZone`. */
export function checkTimeZone(zone: string | undefined): string {
  const name = zone ?? 'UTC';
  if (!IANAZone.isValidZone(name)) {
    throw validationError('unknown time zone', [
      { path: '/querystring/timeZone', message: `${name} is not an IANA time zone` },
    ]);
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

function parseInstant(value: string, zone: string, field: 'from' | 'to', issues: FieldIssue[]): Date | null {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) {
    issues.push({ path: `/querystring/${field}`, message: `${value} is not an ISO 8601 date or date-time` });
    return null;
  }
  return parsed.toJSDate();
}

/**
 * Reads `from`/`to`/`timeZone` into instants: `to` defaults to now, `from` to 30 days before
 * `to`. Refuses (400, naming the field) an unknown zone, unreadable dates, an empty period and
 * one longer than 366 days, which would make an unbounded scan.
 */
export function resolvePeriod(input: PeriodQuery, now: Date): ReportPeriod {
  const timeZone = checkTimeZone(input.timeZone);
  const issues: FieldIssue[] = [];
  const to = input.to === undefined ? now : parseInstant(input.to, timeZone, 'to', issues);
  // Calendar days in the zone: 30 days before a local midnight is a local midnight, across DST too.
  const from =
    input.from === undefined
      ? to === null
        ? null
        : DateTime.fromJSDate(to, { zone: timeZone }).minus({ days: defaultPeriodDays }).toJSDate()
      : parseInstant(input.from, timeZone, 'from', issues);
  if (from !== null && to !== null) {
    if (to.getTime() <= from.getTime()) issues.push({ path: '/querystring/to', message: 'must be after from' });
    else if (to.getTime() - from.getTime() > maxPeriodDays * dayMs)
      issues.push({ path: '/querystring/to', message: `the period is at most ${maxPeriodDays} days` });
  }
  if (issues.length > 0 || from === null || to === null) throw validationError('invalid report period', issues);
  return { from, to, timeZone };
}

/**
 * The local calendar weeks (Monday 00:00 to Monday 00:00 in the zone, ISO weeks) or days that
 * meet the period, cut to it. Luxon does the calendar, so a week holding a daylight-saving change
 * is 167 or 169 hours long and starts at local midnight on both sides of it.
 */
export function calendarBuckets(period: ReportPeriod, unit: 'week' | 'day'): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  const end = period.to.getTime();
  let cursor = DateTime.fromJSDate(period.from, { zone: period.timeZone }).startOf(unit);
  while (cursor.toMillis() < end) {
    const next = cursor.plus(unit === 'week' ? { weeks: 1 } : { days: 1 });
    const start = Math.max(cursor.toMillis(), period.from.getTime());
    const stop = Math.min(next.toMillis(), end);
    buckets.push({
      date: cursor.toISODate() ?? '',
      start: new Date(start),
      end: new Date(stop),
      partial: start !== cursor.toMillis() || stop !== next.toMillis(),
      hours: (next.toMillis() - cursor.toMillis()) / 3_600_000,
    });
    cursor = next;
  }
  return buckets;
}

/** The buckets as the JSON SQL reads with `jsonb_to_recordset(...) AS b(idx int, start_at timestamptz, end_at timestamptz)`. */
export function bucketsJson(buckets: readonly TimeBucket[]): string {
  return JSON.stringify(
    buckets.map((bucket, idx) => ({ idx, start_at: bucket.start.toISOString(), end_at: bucket.end.toISOString() })),
  );
}

/** The API view of a bucket. */
export function bucketView(bucket: TimeBucket): {
  date: string;
  start: string;
  end: string;
  partial: boolean;
  hours: number;
} {
  return {
    date: bucket.date,
    start: bucket.start.toISOString(),
    end: bucket.end.toISOString(),
    partial: bucket.partial,
    hours: bucket.hours,
  };
}
