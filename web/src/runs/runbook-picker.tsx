import { useEffect, useState, type FormEvent } from 'react';
import { api, withQuery } from '../api';
import { useI18n } from '../i18n';
import type { Paged } from '../types';

interface RunbookSummary {
  id: string;
  title: string;
}

/**
 * Starts a runbook the alerts did not suggest: a title search (as typed, after a short pause so
 * each key does not query the server) and a choice among the first matches.
 */
export function RunbookPicker({ disabled, onPick }: { disabled: boolean; onPick: (runbookId: string) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<RunbookSummary[]>([]);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setMatches([]);
      return undefined;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      api<Paged<RunbookSummary>>('GET', withQuery('/api/v1/runbooks', { q, limit: 10 }))
        .then((page) => {
          if (cancelled) return;
          setMatches(page.items);
          setChosen(page.items[0]?.id ?? '');
        })
        // A failed search shows no match; the next key tries again.
        .catch(() => !cancelled && setMatches([]));
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen !== '') onPick(chosen);
  };

  return (
    <form className="runbook-picker form-row" onSubmit={submit}>
      <label className="grow">
        <span>{t('runs.otherRunbook')}</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="runbook-search"
        />
      </label>
      {matches.length > 0 && (
        <label>
          <span className="visually-hidden">{t('runs.pickRunbook')}</span>
          <select value={chosen} onChange={(event) => setChosen(event.target.value)} data-testid="runbook-choice">
            {matches.map((match) => (
              <option key={match.id} value={match.id}>
                {match.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" disabled={disabled || chosen === '' || matches.length === 0} data-testid="runbook-start">
        {t('runs.start')}
      </button>
    </form>
  );
}
