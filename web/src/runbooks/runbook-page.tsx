import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { hasRole } from '../console-route';
import { errorText, formatTime } from '../format';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { RunbookDiffPanel } from './runbook-diff-panel';
import { RunbookLintPanel } from './runbook-lint-panel';
import { RunbookSource } from './runbook-source';
import { RunbookStructureView } from './runbook-structure-view';
import {
  positiveInt,
  runbookApiPath,
  runbookPath,
  type RunbookDetail,
  type RunbookLint,
  type RunbookVersion,
} from './runbook-types';
import { VersionPicker } from './version-picker';
import './runbooks.css';

interface Loaded {
  detail: RunbookDetail;
  versions: RunbookVersion[];
  lint: RunbookLint;
}

/**
 * One runbook at one version (`?version=N`, default the current one): its lint findings, the
 * structure Astreinte understood beside the Markdown it came from (so a reader can check one
 * against the other), and its versions with what changed between two of them.
 */
export function RunbookPage({ id }: { id: string }) {
  const { language, t } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  const version = positiveInt(search.get('version'));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (wanted: number | undefined, isCurrent: () => boolean) => {
      const query = wanted === undefined ? '' : `?version=${wanted}`;
      try {
        const [detail, versions, lint] = await Promise.all([
          api<RunbookDetail>('GET', runbookApiPath(id, query)),
          api<RunbookVersion[]>('GET', runbookApiPath(id, '/versions')),
          api<RunbookLint>('GET', runbookApiPath(id, `/lint${query}`)),
        ]);
        if (!isCurrent()) return;
        setLoaded({ detail, versions, lint });
        setError(null);
      } catch (failure) {
        if (!isCurrent()) return;
        setError(
          failure instanceof ApiError && failure.status === 404
            ? t('error.notFound', { what: wanted === undefined ? id : `${id} v${wanted}` })
            : errorText(failure, t),
        );
      }
    },
    [id, t],
  );

  useEffect(() => {
    let current = true; // Switching versions quickly: only the last one asked is shown.
    void load(version, () => current);
    return () => {
      current = false;
    };
  }, [load, version]);

  const detail = loaded?.detail;
  return (
    <article className="runbook-page" data-testid="runbook-page">
      <div className="page-title">
        <Link to="/runbooks">{t('runbooks.back')}</Link>
        <Link to={`${runbookPath(id)}/settings`} data-testid="runbook-settings-link">
          {t('runbooks.exec.link')}
        </Link>
      </div>
      {error !== null && (
        <div className="error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => void load(version, () => true)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {loaded === null || detail === undefined ? (
        error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <header className="runbook-header">
            <h1 data-testid="runbook-title" lang={detail.structure.language}>
              {detail.structure.title}
            </h1>
            <dl className="runbook-facts">
              <div>
                <dt>{t('runbooks.colKind')}</dt>
                <dd>{t(`runbooks.kind.${detail.kind}`)}</dd>
              </div>
              <div>
                <dt>{t('runbooks.colLanguage')}</dt>
                <dd>{t(`runbooks.language.${detail.structure.language}`)}</dd>
              </div>
              {detail.severity !== null && (
                <div>
                  <dt>{t('runbooks.severity')}</dt>
                  <dd>{detail.severity}</dd>
                </div>
              )}
              <div>
                <dt>{t('runbooks.versionOf', { current: detail.currentVersion })}</dt>
                <dd>
                  <VersionPicker
                    versions={loaded.versions}
                    shown={detail.version}
                    onPick={(picked) =>
                      navigate(runbookPath(id, picked === detail.currentVersion ? undefined : picked))
                    }
                  />
                </dd>
              </div>
              <div>
                <dt>{t('runbooks.importedAt')}</dt>
                <dd>
                  <time dateTime={detail.versionCreatedAt}>{formatTime(detail.versionCreatedAt, language)}</time> ·{' '}
                  {detail.versionCreatedBy}
                </dd>
              </div>
            </dl>
            {detail.version !== detail.currentVersion && (
              <p className="runbook-notice" role="note" data-testid="runbook-old-version">
                {t('runbooks.oldVersion', { shown: detail.version, current: detail.currentVersion })}{' '}
                <Link to={runbookPath(id)}>{t('runbooks.showCurrent')}</Link>
              </p>
            )}
            {detail.deletedAt !== null && (
              <p className="runbook-notice" role="note">
                {t('runbooks.deleted', { by: detail.deletedBy ?? '?' })}
              </p>
            )}
          </header>
          {hasRole(session.user.role, 'admin') && (
            <p>
              <Link to={`/probes/new?runbook=${encodeURIComponent(id)}`} data-testid="runbook-probe-suggestions">
                {t('probes.runbookLink')}
              </Link>
            </p>
          )}
          <RunbookLintPanel findings={loaded.lint.findings} />
          <div className="runbook-columns">
            <RunbookStructureView structure={detail.structure} />
            <RunbookSource
              markdown={detail.sourceMarkdown}
              firstLine={detail.structure.lines.start}
              language={detail.structure.language}
            />
          </div>
          <RunbookDiffPanel id={id} versions={loaded.versions} shown={detail.version} />
        </>
      )}
    </article>
  );
}
