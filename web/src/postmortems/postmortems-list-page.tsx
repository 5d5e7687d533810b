import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { postmortemPath, type PostmortemSummary } from './postmortem-types';
import './postmortems.css';

/**
 * `/postmortems`: every post-mortem, last changed first, with its status and its corrective
 * actions — how many are still to do, and how many of those are late, said in words.
 */
export function PostmortemsListPage() {
  const { t, language } = useI18n();
  const loaded = useResource<PostmortemSummary[]>('/api/v1/postmortems');
  return (
    <section className="pm-page">
      <h1>{t('postmortems.title')}</h1>
      <p className="pm-muted">{t('postmortems.intro')}</p>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : loaded.data.length === 0 ? (
        <p className="empty" data-testid="postmortems-empty">
          {t('postmortems.empty')}
        </p>
      ) : (
        <table className="pm-table" data-testid="postmortems-table">
          <caption className="visually-hidden">{t('postmortems.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('postmortems.colIncident')}</th>
              <th scope="col">{t('postmortems.colTitle')}</th>
              <th scope="col">{t('postmortems.colStatus')}</th>
              <th scope="col">{t('postmortems.colActions')}</th>
              <th scope="col">{t('postmortems.colUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.map((summary) => (
              <tr key={summary.id} data-testid="postmortem-row" data-incident-id={summary.incidentId}>
                <td>
                  <span className={`severity severity-${summary.severity.toLowerCase()}`}>{summary.severity}</span>{' '}
                  {summary.incidentId}
                </td>
                <th scope="row">
                  <Link to={postmortemPath(summary.incidentId)}>{summary.title}</Link>
                </th>
                <td>
                  <span className={`pm-status pm-status-${summary.status}`} data-testid="postmortem-status">
                    {t(`postmortems.status.${summary.status}`)}
                  </span>
                </td>
                <td data-testid="postmortem-actions">
                  {t('postmortems.actionsCount', { open: summary.actions.open, total: summary.actions.total })}
                  {summary.actions.overdue > 0 && (
                    <>
                      {' '}
                      <span className="overdue" data-testid="postmortem-overdue">
                        {t('postmortems.overdueCount', { count: summary.actions.overdue })}
                      </span>
                    </>
                  )}
                </td>
                <td>{formatTime(summary.updatedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
