import { withQuery } from '../api';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import type { Paged } from '../types';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { AuditLogEntry } from './admin-types';

const pageSize = 50;

/** The details of an entry on one line, for a table cell; the API has the full JSON. */
function detailsText(details: Record<string, unknown>): string {
  const text = JSON.stringify(details);
  return text === '{}' ? '' : text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/**
 * `/admin/audit`: every write, newest first, fifty to a page. The page number is in the URL
 * (`?page=2`), so Back returns to the page one was on and a page can be sent to a colleague.
 */
export function AuditPage() {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const asked = Number.parseInt(search.get('page') ?? '1', 10);
  const page = Number.isFinite(asked) && asked > 0 ? asked : 1;
  const log = useResource<Paged<AuditLogEntry>>(
    withQuery('/api/v1/audit-log', { limit: pageSize, offset: (page - 1) * pageSize }),
  );
  const pages = log.data === null ? page : Math.max(1, Math.ceil(log.data.total / pageSize));
  const go = (to: number) => navigate(to === 1 ? '/admin/audit' : `/admin/audit?page=${to}`);
  const now = Date.now();

  return (
    <AdminPage minRole="admin" title="admin.audit.title" intro="admin.audit.intro">
      <LoadError error={log.error} onRetry={log.reload} />
      {log.data === null ? (
        log.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <table className="admin-table audit-table" data-testid="audit-table">
            <caption className="count">{t('admin.audit.count', { page, pages, total: log.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
                <th scope="col">{t('admin.audit.source')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td>
                    <time dateTime={entry.at}>{formatTime(entry.at, language, now)}</time>
                  </td>
                  <td>
                    {entry.actor.name}
                    {entry.actor.type === 'user' ? '' : ` (${entry.actor.type})`}
                  </td>
                  <th scope="row">
                    <code>{entry.action}</code>
                  </th>
                  <td>
                    {entry.targetType}
                    {entry.targetId === null ? '' : ` ${entry.targetId}`}
                  </td>
                  <td className="audit-details">
                    <code>{detailsText(entry.details)}</code>
                  </td>
                  <td>{entry.sourceIp ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label={t('admin.audit.pages')}>
            <button
              type="button"
              className="secondary"
              disabled={page <= 1}
              onClick={() => go(page - 1)}
              data-testid="audit-previous"
            >
              {t('admin.audit.previous')}
            </button>
            <span aria-current="page">{t('admin.audit.page', { page, pages })}</span>
            <button
              type="button"
              className="secondary"
              disabled={page >= pages}
              onClick={() => go(page + 1)}
              data-testid="audit-next"
            >
              {t('admin.audit.next')}
            </button>
          </nav>
        </>
      )}
    </AdminPage>
  );
}
