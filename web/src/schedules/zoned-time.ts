/**
 * Form fields in a schedule's zone: `<input type="datetime-local">` gives a wall-clock time with no
 * zone, and the API wants an instant. This only converts one time for one field, with the
 * browser's own zone data (Intl); who is on call when is always the server's answer.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(zone: string, instant: number): number {
  const parts = formatOf(zone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Whether the browser knows `zone` (an IANA name). */
function isZone(zone: string): boolean {
  try {
    formatOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** `2026-03-29T09:00` read in `zone` → an ISO instant; null when the text is not a date and time. */
export function zonedToIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null || !isZone(zone)) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Twice: the first guess uses the offset at the wrong instant, which differs near a clock change.
  const guess = wall - offsetAt(zone, wall);
  return new Date(wall - offsetAt(zone, guess)).toISOString();
}

/** An instant as `2026-03-29T09:00` in `zone`, for a datetime-local field. */
export function isoToZoned(iso: string, zone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant) || !isZone(zone)) return '';
  return new Date(instant + offsetAt(zone, instant)).toISOString().slice(0, 16);
}
