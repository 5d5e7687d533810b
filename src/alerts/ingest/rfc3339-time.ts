import type { FieldIssue } from '../../core/app-error.js';
import { addIssue, childPath } from './ingest-checks.js';

/**
 * RFC 3339 timestamps as Alertmanager reads them (Go's `time.RFC3339Nano`), parsed by hand:
 * `Date.parse` accepts many other shapes and turns years below 100 into 19xx, which would corrupt
 * Go's zero time `0001-01-01T00:00:00Z` that Alertmanager sends for "no end".
 */

/** Upper-case `T` and `Z` only: RFC 3339 allows lower case, Go (so Alertmanager) does not. */
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:(Z)|([+-])(\d{2})(:?)(\d{2}))$/;

/** Go's zero `time.Time`, in milliseconds since 1970: "no time" for Go senders. */
const goZeroTimeMs = -62_135_596_800_000;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** How lenient `parseRfc3339` is. */
export interface TimestampOptions {
  /** Also accept `+0000` offsets (ISO 8601 basic form), which PagerDuty's own examples use. */
  offsetWithoutColon?: boolean;
}

/**
 * The instant an RFC 3339 timestamp names, or null if the text is not one (bad shape, month 13,
 * February 30th…). Fractions below the millisecond are dropped, as Date cannot hold them.
 */
export function parseRfc3339(text: string, options: TimestampOptions = {}): Date | null {
  const match = rfc3339.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offsetHours, colon, offsetMinutes] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  if (zulu === undefined) {
    if (colon === '' && options.offsetWithoutColon !== true) return null;
    if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
    offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  }
  // From the digits, not by multiplying a float, which could land just below the integer.
  const millisecond = fraction === undefined ? 0 : Number(`${fraction.slice(1)}00`.slice(0, 3));
  let time = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (year < 100) {
    // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear keeps them (Go's zero time is year 1).
    // Starting from leap year 2000 keeps February 29th of year 0 too.
    const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond));
    date.setUTCFullYear(year, month - 1, day);
    time = date.getTime();
  }
  return new Date(time - offset * 60_000);
}

/** Whether a date is Go's zero time, which Go senders write when they mean "none". */
export function isGoZeroTime(date: Date): boolean {
  return date.getTime() === goZeroTimeMs;
}

/**
 * An optional timestamp field: absent, null and Go's zero time are all "not said" (null); text
 * that is not RFC 3339 is an issue (and null too, the parse being refused anyway).
 */
export function readTimestamp(
  object: Record<string, unknown>,
  key: string,
  path: string,
  issues: FieldIssue[],
  options: TimestampOptions = {},
): Date | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  const date = typeof value === 'string' ? parseRfc3339(value, options) : null;
  if (date === null) {
    addIssue(issues, childPath(path, key), 'must be an RFC 3339 timestamp such as 2024-05-01T12:00:00Z');
    return null;
  }
  return isGoZeroTime(date) ? null : date;
}
