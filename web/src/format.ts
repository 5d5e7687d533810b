import { useEffect, useState } from 'react';
import { ApiError } from './api';
import type { Language, Translate } from './i18n';

/**
 * How long something has lasted, short enough for a table cell: "< 1 min", "12 min", "3 h 05",
 * "2 d 4 h". Minutes matter in the first hours of an incident; beyond a day they are noise.
 */
export function formatAge(fromIso: string, untilMs: number, t: Translate): string {
  const minutes = Math.max(0, Math.floor((untilMs - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return t('age.underMinute');
  if (minutes < 60) return t('age.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('age.hours', { h: hours, mm: String(minutes % 60).padStart(2, '0') });
  return t('age.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * A clock time, 24-hour in both languages (no a.m./p.m. to misread at night), with the date only
 * when it is not today.
 */
export function formatTime(iso: string, language: Language, nowMs: number = Date.now()): string {
  const date = new Date(iso);
  const sameDay = new Date(nowMs).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** The current time, ticking every `everyMs`, so ages and "overdue" move without any new data. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A one-line message for an error thrown by `api()` or anything else. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 0) return t('error.network');
  return error instanceof Error ? error.message : String(error);
}
