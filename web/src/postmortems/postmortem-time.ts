import type { Language } from '../i18n';

/** `2026-03-29 01:37` in `zone`, 24-hour: the same shape as the exports. */
export function zonedDateTime(iso: string, zone: string, language: Language): string {
  const parts = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** `45 s`, `12 min`, `1 h 05 min`, `2 d 3 h 10 min`, as the exports write them. */
export function spokenSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  const rest = `${String(minutes % 60).padStart(2, '0')} min`;
  return hours < 24 ? `${hours} h ${rest}` : `${Math.floor(hours / 24)} d ${hours % 24} h ${rest}`;
}

/** The browser's zone, offered as the default of a new draft. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
