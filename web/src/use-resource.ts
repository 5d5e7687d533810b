import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';
import { errorText } from './format';
import { useI18n } from './i18n';

/** What a page loaded from the API. */
export interface Resource<T> {
  /** The last answer; null until the first one arrives (or after a 404 read as `notFound`). */
  data: T | null;
  /** Why the last load failed, in words (the API's message); null once a load succeeds. */
  error: string | null;
  /** The last load answered 404 and the page asked for that as a state (`notFoundIsState`). */
  notFound: boolean;
  /** Loads again now. Never rejects: a failure lands in `error`, so callers may await it after a change. */
  reload: () => Promise<void>;
  /** Shows an answer the page already has (a save's result) and drops any load still on its way. */
  set: (value: T) => void;
}

/** A load a page writes itself (several requests, or an answer reshaped); `key` names what it loads. */
export interface ResourceLoader<T> {
  key: string;
  load: () => Promise<T>;
}

export interface ResourceOptions {
  /** Load again whenever this moves: `useChangeCounter`'s `changes`, moved by the live stream. */
  changes?: number;
  /** Also load again this often (milliseconds) while the page stays open. */
  refreshMs?: number;
  /** A 404 is a state of the page ("no post-mortem yet": `notFound`), not an error. */
  notFoundIsState?: boolean;
}

/** How often pages whose content moves with the clock alone load again: who is on call, runners seen. */
export const pageRefreshMs = 60_000;

interface Shown<T> {
  data: T | null;
  error: string | null;
  notFound: boolean;
}

/**
 * The console's one way to read what a page shows: GETs `source` (a path) or runs its `load`,
 * when the page opens, when the path or key changes, when `changes` moves, every `refreshMs`,
 * and on `reload`. An answer arriving after a newer load started is dropped, so a slow request
 * never puts older data back on screen. A failed reload keeps what was shown, with the error next
 * to it: stale but visible beats a blank page.
 */
export function useResource<T>(source: string | ResourceLoader<T>, options: ResourceOptions = {}): Resource<T> {
  const { t } = useI18n();
  const { changes = 0, refreshMs, notFoundIsState = false } = options;
  const key = typeof source === 'string' ? source : source.key;
  const [shown, setShown] = useState<Shown<T>>({ data: null, error: null, notFound: false });
  const generation = useRef(0);
  // The latest load, read when a load starts: callers pass a new closure at every render.
  const loadRef = useRef(source);
  loadRef.current = source;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const current = loadRef.current;
    try {
      const data = await (typeof current === 'string' ? api<T>('GET', current) : current.load());
      if (mine === generation.current) setShown({ data, error: null, notFound: false });
    } catch (failure) {
      if (mine !== generation.current) return;
      if (notFoundIsState && failure instanceof ApiError && failure.status === 404) {
        setShown({ data: null, error: null, notFound: true });
      } else {
        const error = errorText(failure, t);
        setShown((before) => ({ ...before, error }));
      }
    }
  }, [t, notFoundIsState]);

  useEffect(() => {
    void reload();
    if (refreshMs === undefined) return undefined;
    const timer = window.setInterval(() => void reload(), refreshMs);
    return () => window.clearInterval(timer);
    // `key` and `changes` are not read here: they say when what the page shows must be read again.
  }, [reload, key, changes, refreshMs]);

  const set = useCallback((data: T) => {
    generation.current += 1;
    setShown((before) => ({ ...before, data, notFound: false }));
  }, []);

  return { ...shown, reload, set };
}
