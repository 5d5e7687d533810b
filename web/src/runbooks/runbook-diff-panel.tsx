import { useEffect, useState, type FormEvent } from 'react';
import { api, withQuery } from '../api';
import { errorText, formatTime } from '../format';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { RunbookDiffView } from './runbook-diff-view';
import { positiveInt, runbookApiPath, runbookPath, type RunbookDiff, type RunbookVersion } from './runbook-types';

/**
 * The versions of a runbook, newest first, and what changed between two of them. The compared
 * pair lives in the URL (`?from=1&to=2`), so a link to "what changed last night" can be shared.
 */
export function RunbookDiffPanel({
  id,
  versions,
  shown,
}: {
  id: string;
  versions: readonly RunbookVersion[];
  shown: number;
}) {
  const { language, t } = useI18n();
  const { pathname, search } = useLocation();
  const urlFrom = positiveInt(search.get('from'));
  const urlTo = positiveInt(search.get('to'));
  // By default: what changed since the shown version, or, on the newest, what its import changed.
  const newest = versions[0]?.version ?? shown;
  const [from, setFrom] = useState(urlFrom ?? (shown < newest ? shown : Math.max(1, newest - 1)));
  const [to, setTo] = useState(urlTo ?? newest);
  const [diff, setDiff] = useState<RunbookDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (urlFrom === undefined || urlTo === undefined) {
      setDiff(null);
      return;
    }
    let current = true;
    api<RunbookDiff>('GET', withQuery(runbookApiPath(id, '/diff'), { from: urlFrom, to: urlTo }))
      .then((answer) => {
        if (!current) return;
        setDiff(answer);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (current) setError(errorText(failure, t));
      });
    return () => {
      current = false;
    };
  }, [id, urlFrom, urlTo, t]);

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams(search);
    params.set('from', String(from));
    params.set('to', String(to));
    navigate(`${pathname}?${params.toString()}`);
  };

  const options = versions.map((version) => (
    <option key={version.version} value={version.version}>
      {version.version}
    </option>
  ));
  return (
    <section className="runbook-versions" aria-labelledby="runbook-versions-heading">
      <h2 id="runbook-versions-heading">{t('runbooks.versions')}</h2>
      <ol className="version-list" data-testid="runbook-versions">
        {versions.map((version) => (
          <li key={version.version} data-testid="runbook-version-item">
            {version.version === shown ? (
              <strong aria-current="page">{t('runbooks.versionNumber', { version: version.version })}</strong>
            ) : (
              <Link to={runbookPath(id, version.version)}>
                {t('runbooks.versionNumber', { version: version.version })}
              </Link>
            )}{' '}
            <time dateTime={version.createdAt}>{formatTime(version.createdAt, language)}</time> · {version.createdBy} ·{' '}
            {version.filename}
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <form className="form-row diff-form" onSubmit={compare}>
          <label>
            {t('runbooks.diffFrom')}
            <select
              value={from}
              data-testid="runbook-diff-from"
              onChange={(event) => setFrom(Number(event.target.value))}
            >
              {options}
            </select>
          </label>
          <label>
            {t('runbooks.diffTo')}
            <select value={to} data-testid="runbook-diff-to" onChange={(event) => setTo(Number(event.target.value))}>
              {options}
            </select>
          </label>
          <button type="submit" data-testid="runbook-diff-show">
            {t('runbooks.diffShow')}
          </button>
        </form>
      )}
      {error !== null && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {diff !== null && <RunbookDiffView diff={diff} />}
    </section>
  );
}
