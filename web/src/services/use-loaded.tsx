import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../format';
import { useI18n } from '../i18n';

/** What a page loaded: nothing yet, the data, or the error it failed with (kept with the last data). */
export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

/** How often the pages load again by themselves: who is on call changes with the clock alone. */
export const refreshMs = 60_000;

/**
 * Loads `load()` when the page opens, whenever `changes` moves (an incident of the page changed,
 * as the live stream tells), every `refreshMs` while it stays open (a page left on a
 * wall screen at night must not show yesterday's on-call), and whenever `reload` is called. An
 * answer arriving after a newer load started is dropped, so a slow request cannot put older data
 * back on screen. A failed reload keeps what was shown, with the error next to it: stale but
 * visible beats a blank page.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string, changes = 0): Loaded<T> {
  const { t } = useI18n();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    loadRef.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
      },
      (failure: unknown) => {
        if (mine === generation.current) setError(errorText(failure, t));
      },
    );
  }, [t]);

  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
    // `changes` moves when the incident stream says something this page shows has changed.
  }, [reload, key, changes]);

  return { data, error, reload };
}

/** The error of a load, with a retry button; nothing when there is none. */
export function LoadError({ loaded }: { loaded: Pick<Loaded<unknown>, 'error' | 'reload'> }) {
  const { t } = useI18n();
  if (loaded.error === null) return null;
  return (
    <div className="error" role="alert">
      {loaded.error}{' '}
      <button type="button" onClick={loaded.reload}>
        {t('common.retry')}
      </button>
    </div>
  );
}
