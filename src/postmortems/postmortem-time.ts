import { DateTime } from 'luxon';

/**
 * The zone the server runs in (its `TZ`), the default of a post-mortem's time zone: there is no
 * time zone on incidents or services, so the draft request may name one and this is the fallback.
 */
export function serverTimeZone(): string {
  return new Intl.DateTimeFormat('en-US').resolvedOptions().timeZone;
}

/** Today's date (`YYYY-MM-DD`) in `zone` at `now`: corrective actions fall due by the local day. */
export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** `2026-03-29 03:05` in `zone`. */
export function localDateTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** `03:05` in `zone`. */
export function localClock(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
}

/**
 * The zone with its offset (`Europe/Paris, UTC+02:00`), both offsets when daylight saving changed
 * between `fromIso` and `toIso` (`Europe/Paris, UTC+01:00 → UTC+02:00`): the clock times jump.
 */
export function zoneLabel(fromIso: string, toIso: string, zone: string): string {
  const from = DateTime.fromISO(fromIso, { zone }).toFormat('ZZ');
  const to = DateTime.fromISO(toIso, { zone }).toFormat('ZZ');
  return from === to ? `${zone}, UTC${from}` : `${zone}, UTC${from} → UTC${to}`;
}

/** A duration in words short enough for a table: `45 s`, `12 min`, `1 h 05 min`, `2 d 3 h 10 min`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  const rest = `${String(minutes % 60).padStart(2, '0')} min`;
  if (hours < 24) return `${hours} h ${rest}`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h ${rest}`;
}

/** A target in minutes as the same words. */
export function formatMinutes(minutes: number): string {
  return formatSeconds(minutes * 60);
}
