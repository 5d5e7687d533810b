/* The `datetime-local` inputs of the admin forms (maintenance windows, token expiry) and the API's ISO instants. */

/**
 * A `datetime-local` value (the person's own clock, no zone) as an ISO instant for the API.
 * `new Date('2026-12-05T10:00')` reads it as local time, which is what the person meant.
 */
export function localInputToIso(value: string): string | null {
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Now (or `ms`) as a `datetime-local` value, to prefill a start time. */
export function isoToLocalInput(ms: number = Date.now()): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
