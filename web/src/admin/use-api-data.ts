import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';

/** What a page loaded from the API: the data (null until the first answer), the last error, and a reload. */
export interface ApiData<T> {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * Loads `path` when the page shows and whenever `reload` is called (after each change the page
 * makes: lists are short, and a fresh read shows what the server actually stored).
 */
export function useApiData<T>(path: string): ApiData<T> {
  const { t } = useI18n();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the latest load may set the state: an older answer arriving late would show stale rows.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const answer = await api<T>('GET', path);
      if (mine !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (failure) {
      if (mine === latest.current) setError(errorText(failure, t));
    }
  }, [path, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}

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
