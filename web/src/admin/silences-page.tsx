import { api } from '../api';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { LabelMatcher, Silence } from './admin-types';
import { ConfirmButton } from './confirm-button';
import { SilenceCreateForm } from './silence-create-form';

/** A matcher as Alertmanager and amtool write it: `alertname=~"Redis.*"`. */
export function formatMatcher(matcher: LabelMatcher): string {
  return `${matcher.name}${matcher.operator}"${matcher.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * `/admin/silences` (responders and admins): the silences not over yet — what they mute, who set
 * them, why, until when — setting one, and ending one early. Muted alerts are still stored and
 * listed; they only do not page.
 */
export function SilencesPage() {
  const { t, language } = useI18n();
  const silences = useResource<Silence[]>('/api/v1/silences');
  const now = Date.now();

  return (
    <AdminPage minRole="responder" title="admin.silences.title" intro="admin.silences.intro">
      <SilenceCreateForm onCreated={() => void silences.reload()} />
      <LoadError error={silences.error} onRetry={silences.reload} />
      {silences.data === null ? (
        silences.error === null && <p>{t('app.loading')}</p>
      ) : silences.data.length === 0 ? (
        <p className="empty" data-testid="silences-empty">
          {t('admin.silences.empty')}
        </p>
      ) : (
        <table className="admin-table" data-testid="silences-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.silences.matchers')}</th>
              <th scope="col">{t('admin.silences.comment')}</th>
              <th scope="col">{t('admin.silences.createdBy')}</th>
              <th scope="col">{t('admin.silences.state')}</th>
              <th scope="col">{t('admin.silences.endsAt')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {silences.data.map((silence) => (
              <tr key={silence.id} data-testid="silence-row">
                <th scope="row">
                  <ul className="matchers">
                    {silence.matchers.map((matcher, index) => (
                      <li key={index}>
                        <code>{formatMatcher(matcher)}</code>
                      </li>
                    ))}
                  </ul>
                </th>
                <td>{silence.comment}</td>
                <td>{silence.createdBy}</td>
                <td data-testid="silence-row-state">
                  {t(`admin.silences.state.${silence.state}`)}
                  {silence.state === 'pending'
                    ? ` (${t('admin.silences.from', { time: formatTime(silence.startsAt, language, now) })})`
                    : ''}
                </td>
                <td>
                  <time dateTime={silence.endsAt}>{formatTime(silence.endsAt, language, now)}</time>
                </td>
                <td>
                  <div className="row-actions">
                    <ConfirmButton
                      label={t('admin.silences.expire')}
                      question={t('admin.silences.expireQuestion')}
                      confirmLabel={t('admin.silences.expireConfirm')}
                      onConfirm={async () => {
                        await api<Silence>('DELETE', `/api/v1/silences/${encodeURIComponent(silence.id)}`);
                        await silences.reload();
                      }}
                      testId="silence-row-expire"
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminPage>
  );
}
