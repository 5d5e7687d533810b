import { api } from '../api';
import { hasRole } from '../console-route';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { listRunners } from '../runners/runners-api';
import { useSession } from '../session';
import { pageRefreshMs, useResource } from '../use-resource';
import { ExecutionSettingsForm } from './execution-settings-form';
import type { ExecutionSettings } from './execution-settings-model';
import { runbookApiPath, runbookPath, type RunbookDetail } from './runbook-types';
import '../admin/admin.css';
import './runbooks.css';
import './execution-settings.css';

interface Loaded {
  detail: RunbookDetail;
  settings: Required<ExecutionSettings>;
}

/**
 * `/runbooks/:id/settings`: how the runbook's steps run — the values its parameters accept, who
 * approves its destructive steps, the runners that take them. Everyone may read it and try values;
 * only an admin saves (the API's rule).
 */
export function ExecutionSettingsPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const loaded = useResource<Loaded>({
    key: id,
    load: async () => {
      const [detail, settings] = await Promise.all([
        api<RunbookDetail>('GET', runbookApiPath(id)),
        api<Required<ExecutionSettings>>('GET', runbookApiPath(id, '/execution-settings')),
      ]);
      return { detail, settings };
    },
  });
  // Runners come and go: the preview follows them while the page stays open.
  const runners = useResource({ key: 'runners', load: listRunners }, { refreshMs: pageRefreshMs });
  const admin = hasRole(session.user.role, 'admin');
  const data = loaded.data;

  return (
    <article className="execution-settings-page" data-testid="execution-settings-page">
      <div className="page-title">
        <Link to={runbookPath(id)}>{t('runbooks.exec.back')}</Link>
      </div>
      <LoadError
        error={loaded.error ?? runners.error}
        onRetry={() => Promise.all([loaded.reload(), runners.reload()])}
      />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <h1>{t('runbooks.exec.title', { title: data.detail.structure.title })}</h1>
          <p className="admin-intro">{t('runbooks.exec.intro')}</p>
          {!admin && (
            <p className="runbook-notice" role="note" data-testid="execution-settings-read-only">
              {t('runbooks.exec.readOnly')}
            </p>
          )}
          <ExecutionSettingsForm
            runbookId={id}
            detail={data.detail}
            settings={data.settings}
            runners={runners.data}
            readOnly={!admin}
            onSaved={(settings) => loaded.set({ ...data, settings })}
          />
        </>
      )}
    </article>
  );
}
