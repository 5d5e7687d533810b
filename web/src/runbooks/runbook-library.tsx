import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, withQuery } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { canRespond, type Paged } from '../types';
import { RunbookTable } from './runbook-table';
import type { RunbookSummary } from './runbook-types';
import { useDebounced } from './use-debounced';
import './runbooks.css';

/** How long typing must pause before the search runs. */
const searchDelayMs = 250;
/** More than a team keeps; the count says when there are more. */
const pageSize = 200;
/** The longest search the server accepts (`ListRunbooksQuery.q`). */
const maxQueryLength = 200;

type Loaded = { query: string; page: Paged<RunbookSummary> };

/**
 * The runbook library: a search box that searches as one types (the URL keeps the query, so
 * Back and a shared link show the same list) and the matching runbooks.
 */
export function RunbookLibrary() {
  const { t } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  const urlQuery = search.get('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const tableRef = useRef<HTMLDivElement>(null);
  const settled = useDebounced(text, searchDelayMs);

  // Back and Forward change the URL under the box: the box follows.
  useEffect(() => setText(urlQuery), [urlQuery]);

  // Only a pause in typing writes the URL: when Back changes the URL, the stale text must not undo it.
  const urlQueryRef = useRef(urlQuery);
  urlQueryRef.current = urlQuery;
  useEffect(() => {
    const query = settled.trim();
    if (query !== urlQueryRef.current.trim())
      navigate(withQuery('/runbooks', { q: query === '' ? undefined : query }), { replace: true });
  }, [settled]);

  useEffect(() => {
    let current = true; // An answer for an older query must not replace a newer one.
    // The server takes at most 200 characters; a longer paste still searches rather than failing.
    const query = urlQuery.trim().slice(0, maxQueryLength);
    api<Paged<RunbookSummary>>(
      'GET',
      withQuery('/api/v1/runbooks', { q: query === '' ? undefined : query, limit: pageSize }),
    )
      .then((page) => {
        if (!current) return;
        setLoaded({ query, page });
        setError(null);
      })
      .catch((failure: unknown) => {
        if (current) setError(errorText(failure, t));
      });
    return () => {
      current = false;
    };
  }, [urlQuery, attempt, t]);

  const searchNow = (event: FormEvent) => {
    event.preventDefault();
    const query = text.trim();
    navigate(withQuery('/runbooks', { q: query === '' ? undefined : query }), { replace: true });
  };

  // Down arrow from the box goes to the first result, as in any search field with results below.
  const toResults = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = tableRef.current?.querySelector<HTMLAnchorElement>('a');
    if (first === null || first === undefined) return;
    event.preventDefault();
    first.focus();
  };

  return (
    <section className="runbook-library">
      <div className="page-title">
        <h1>{t('runbooks.title')}</h1>
        {canRespond(session.user) && (
          <Link to="/runbooks/import" data-testid="runbooks-import-link">
            {t('runbooks.importLink')}
          </Link>
        )}
      </div>
      <form role="search" className="runbook-search" onSubmit={searchNow}>
        <label>
          {t('runbooks.search')}
          <input
            type="search"
            value={text}
            placeholder={t('runbooks.searchHint')}
            data-testid="runbook-search"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={toResults}
          />
        </label>
      </form>
      {error !== null && (
        <div className="error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <p className="count" role="status" data-testid="runbook-count">
        {loaded === null
          ? t('app.loading')
          : t('runbooks.count', { shown: loaded.page.items.length, total: loaded.page.total })}
      </p>
      {loaded !== null && loaded.page.items.length === 0 && (
        <p className="empty" data-testid="runbook-list-empty">
          {loaded.query === '' ? t('runbooks.emptyLibrary') : t('runbooks.noMatch', { query: loaded.query })}
        </p>
      )}
      {loaded !== null && loaded.page.items.length > 0 && (
        <div ref={tableRef}>
          <RunbookTable runbooks={loaded.page.items} />
        </div>
      )}
    </section>
  );
}
