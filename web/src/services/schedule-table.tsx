import { useI18n } from '../i18n';
import { Link } from '../router';
import { schedulePath } from '../schedules/schedule-paths';
import type { ScheduleOnCall } from './services-types';
import { Moment } from './service-format';

/**
 * Every schedule: who is on call now (and whether through an override), until when, and the
 * next shifts. A schedule with nobody on call says so loudly: its incidents would page no one.
 */
export function ScheduleTable({ schedules }: { schedules: readonly ScheduleOnCall[] }) {
  const { t } = useI18n();
  return (
    <table className="services-table" data-testid="schedules-table">
      <thead>
        <tr>
          <th scope="col">{t('services.oncall.colSchedule')}</th>
          <th scope="col">{t('services.oncall.colNow')}</th>
          <th scope="col">{t('services.oncall.colUntil')}</th>
          <th scope="col">{t('services.oncall.colNext')}</th>
        </tr>
      </thead>
      <tbody>
        {schedules.map((schedule) => (
          <tr key={schedule.scheduleId} data-testid="schedule-row" data-schedule-id={schedule.scheduleId}>
            <th scope="row">
              <Link to={schedulePath(schedule.scheduleId)}>{schedule.name}</Link>
              <span className="service-id">{t('services.oncall.scheduleZone', { zone: schedule.timeZone })}</span>
            </th>
            <td data-testid="schedule-on-call-now">
              {schedule.onCall === null ? (
                <strong className="nobody">{t('services.nobody')}</strong>
              ) : (
                <>
                  <strong>{schedule.onCall.name}</strong>
                  {schedule.onCall.overrideId !== null && (
                    <span className="muted"> ({t('services.oncall.override')})</span>
                  )}
                </>
              )}
            </td>
            <td data-testid="schedule-on-call-until">
              {schedule.onCall?.until === null || schedule.onCall === null ? (
                t('services.untilFurther')
              ) : (
                <Moment iso={schedule.onCall.until} />
              )}
            </td>
            <td>
              {schedule.next.length === 0 ? (
                <span className="muted">{t('services.oncall.noNext')}</span>
              ) : (
                <ol className="next-shifts" data-testid="schedule-next-shifts">
                  {schedule.next.map((shift) => (
                    <li key={shift.start} data-testid="schedule-next-shift">
                      <strong>{shift.name ?? t('services.oncall.gap')}</strong>
                      {shift.overrideId !== null && (
                        <span className="muted"> ({t('services.oncall.override')})</span>
                      )}{' '}
                      <Moment iso={shift.start} /> →{' '}
                      {shift.end === null ? t('services.untilFurther') : <Moment iso={shift.end} />}
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
