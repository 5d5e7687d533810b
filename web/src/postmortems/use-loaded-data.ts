import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';

/** What a page loaded: nothing yet, the data, not found, or the error it failed with. */
export interface LoadedData<T> {
  data: T | null;
  notFound: boolean;
  error: string | null;
  reload: () => void;
  /** Replaces the data with an answer the page already has (a save's result). */
  set: (value: T) => void;
}

/**
 * GETs `path` when the page opens and on `reload`. An answer arriving after a newer load started is
 * dropped, so a slow request never puts older data back on screen; 404 is a state, not an error.
 */
export function useLoadedData<T>(path: string): LoadedData<T> {
  const { t } = useI18n();
  const [data, setData] = useState<T | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    api<T>('GET', path).then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setNotFound(false);
        setError(null);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        if (failure instanceof ApiError && failure.status === 404) {
          setData(null);
          setNotFound(true);
          setError(null);
        } else setError(errorText(failure, t));
      },
    );
  }, [path, t]);

  useEffect(reload, [reload]);
  const set = useCallback((value: T) => {
    generation.current += 1;
    setData(value);
    setNotFound(false);
  }, []);
  return { data, notFound, error, reload, set };
}
