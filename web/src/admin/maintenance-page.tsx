import { api, withQuery } from '../api';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import type { Paged } from '../types';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { MaintenanceWindow, Service } from './admin-types';
import { ConfirmButton } from './confirm-button';
import { MaintenanceCreateForm } from './maintenance-create-form';

const servicesPath = withQuery('/api/v1/services', { limit: 1000 });

/**
 * `/admin/maintenance` (responders and admins): maintenance windows not over yet, planning one
 * for a service, and ending one now (the service's alerts page again).
 */
export function MaintenancePage() {
  const { t, language } = useI18n();
  const windows = useResource<MaintenanceWindow[]>('/api/v1/maintenance-windows');
  const services = useResource<Paged<Service>>(servicesPath);
  const names = new Map((services.data?.items ?? []).map((service) => [service.id, service.name]));
  const now = Date.now();
  const time = (iso: string) => <time dateTime={iso}>{formatTime(iso, language, now)}</time>;

  return (
    <AdminPage minRole="responder" title="admin.maintenance.title" intro="admin.maintenance.intro">
      <MaintenanceCreateForm services={services.data?.items ?? []} onCreated={() => void windows.reload()} />
      <LoadError
        error={windows.error ?? services.error}
        onRetry={() => Promise.all([windows.reload(), services.reload()])}
      />
      {windows.data === null ? (
        windows.error === null && <p>{t('app.loading')}</p>
      ) : windows.data.length === 0 ? (
        <p className="empty" data-testid="maintenance-empty">
          {t('admin.maintenance.empty')}
        </p>
      ) : (
        <table className="admin-table" data-testid="maintenance-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.maintenance.service')}</th>
              <th scope="col">{t('admin.maintenance.reason')}</th>
              <th scope="col">{t('admin.maintenance.startsAt')}</th>
              <th scope="col">{t('admin.maintenance.endsAt')}</th>
              <th scope="col">{t('admin.maintenance.createdBy')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {windows.data.map((planned) => (
              <tr key={planned.id} data-testid="maintenance-row">
                <th scope="row">{names.get(planned.serviceId) ?? planned.serviceId}</th>
                <td>{planned.reason}</td>
                <td>
                  {time(planned.startsAt)}
                  {Date.parse(planned.startsAt) <= now ? ` (${t('admin.maintenance.ongoing')})` : ''}
                </td>
                <td>{time(planned.endsAt)}</td>
                <td>{planned.createdBy}</td>
                <td>
                  <div className="row-actions">
                    <ConfirmButton
                      label={t('admin.maintenance.end')}
                      question={t('admin.maintenance.endQuestion', {
                        service: names.get(planned.serviceId) ?? planned.serviceId,
                      })}
                      confirmLabel={t('admin.maintenance.endConfirm')}
                      onConfirm={async () => {
                        await api<MaintenanceWindow>(
                          'DELETE',
                          `/api/v1/maintenance-windows/${encodeURIComponent(planned.id)}`,
                        );
                        await windows.reload();
                      }}
                      testId="maintenance-row-end"
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
