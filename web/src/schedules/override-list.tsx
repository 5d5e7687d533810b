import { api } from '../api';
import { useI18n } from '../i18n';
import { ConfirmButton } from '../admin/confirm-button';
import type { Person } from './schedule-page';
import { scheduleApi } from './schedule-paths';
import type { ScheduleRecord } from './schedules-types';
import { momentIn } from './timeline-format';

/**
 * The overrides still to come or running (past ones change nothing any more), latest first as the
 * API stacks them: a later one wins where two overlap. Removing one asks first.
 */
export function OverrideList({
  schedule,
  people,
  canRemove,
  onChanged,
}: {
  schedule: ScheduleRecord;
  people: readonly Person[];
  canRemove: boolean;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const zone = schedule.definition.timeZone;
  const nameOf = (userId: string) => people.find((person) => person.id === userId)?.name ?? userId;
  const now = Date.now();
  const current = schedule.definition.overrides.filter((o) => Date.parse(o.endsAt) > now).reverse();
  if (current.length === 0) return <p className="empty">{t('schedules.overridesEmpty')}</p>;
  return (
    <ul className="schedule-list" data-testid="override-list">
      {current.map((override) => {
        const who = nameOf(override.userId);
        const when = `${momentIn(override.startsAt, zone, language)} → ${momentIn(override.endsAt, zone, language)}`;
        return (
          <li key={override.id} data-testid="override-item">
            <strong>{who}</strong> {when}
            {override.swap !== undefined && (
              <span className="muted"> {t('schedules.swapFor', { name: nameOf(override.swap.requestedBy) })}</span>
            )}
            {override.reason !== undefined && <span className="muted"> — {override.reason}</span>}{' '}
            {canRemove && (
              <ConfirmButton
                label={t('schedules.overrideRemove')}
                question={t('schedules.overrideRemoveQuestion', { name: who, when })}
                confirmLabel={t('schedules.overrideRemoveConfirm')}
                testId="override-remove"
                onConfirm={async () => {
                  await api('DELETE', scheduleApi(schedule.id, `/overrides/${encodeURIComponent(override.id)}`));
                  onChanged();
                }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
