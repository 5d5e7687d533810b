import { formatMoment } from '../services/service-format';
import type { Language } from '../i18n';

/** "Sun 29" for a local date `2026-03-29` (the date is already the schedule zone's). */
export function dayLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "Sun 29 Mar, 09:00 CEST" for an instant, in the schedule's zone (whatever the viewer's is). */
export function momentIn(iso: string, zone: string, language: Language): string {
  return formatMoment(iso, language, zone);
}

/** Where [start, end) sits in the window, as CSS percentages of the track. */
export function placeOf(
  start: string,
  end: string,
  window: { from: string; to: string },
): { left: string; width: string } {
  const from = Date.parse(window.from);
  const total = Date.parse(window.to) - from;
  const left = ((Date.parse(start) - from) / total) * 100;
  const width = ((Date.parse(end) - Date.parse(start)) / total) * 100;
  return { left: `${left}%`, width: `${width}%` };
}
