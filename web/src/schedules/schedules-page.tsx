import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { newSchedulePath, scheduleEditPath, schedulePath } from './schedule-paths';
import type { ScheduleRecord } from './schedules-types';
import './schedules.css';

/** `/admin/schedules`: every schedule, to look at or edit, and a new one (admin). */
export function SchedulesPage() {
  const { t } = useI18n();
  const schedules = useResource<ScheduleRecord[]>('/api/v1/schedules');
  return (
    <AdminPage minRole="admin" title="schedules.title" intro="schedules.intro">
      <p>
        <Link to={newSchedulePath} data-testid="schedule-new">
          {t('schedules.newTitle')}
        </Link>
      </p>
      <LoadError error={schedules.error} onRetry={schedules.reload} />
      {schedules.data === null ? (
        schedules.error === null && <p>{t('app.loading')}</p>
      ) : schedules.data.length === 0 ? (
        <p className="empty">{t('schedules.empty')}</p>
      ) : (
        <ul className="schedule-list" data-testid="schedules-list">
          {schedules.data.map((schedule) => (
            <li key={schedule.id}>
              <Link to={schedulePath(schedule.id)}>{schedule.name}</Link>{' '}
              <span className="muted">
                {t('schedules.summary', {
                  zone: schedule.definition.timeZone,
                  layers: schedule.definition.layers.length,
                })}
              </span>{' '}
              <Link to={scheduleEditPath(schedule.id)} aria-label={t('schedules.editName', { name: schedule.name })}>
                {t('schedules.edit')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
