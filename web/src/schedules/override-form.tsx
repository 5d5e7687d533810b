import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import type { Person } from './schedule-page';
import { scheduleApi } from './schedule-paths';
import type { Override, ScheduleRecord } from './schedules-types';
import { useWindowState, windowBody, WindowFields } from './window-fields';

const fields = ['/userId', '/startsAt', '/endsAt', '/reason'] as const;

/**
 * Puts someone on call instead of every layer for a window. Times are typed in the schedule's
 * zone (said next to the fields), whatever the browser's zone is.
 */
export function OverrideForm({
  schedule,
  people,
  onAdded,
}: {
  schedule: ScheduleRecord;
  people: readonly Person[];
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const zone = schedule.definition.timeZone;
  const [userId, setUserId] = useState(people[0]?.id ?? '');
  const window = useWindowState();
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(null);
    await form.submit(async () => {
      const override = await api<Override>('POST', scheduleApi(schedule.id, '/overrides'), {
        userId,
        ...windowBody(window, zone),
      });
      setAdded(people.find((person) => person.id === override.userId)?.name ?? override.userId);
      window.set({ from: '', to: '', reason: '' });
      onAdded();
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="override-form-heading"
      noValidate
    >
      <h3 id="override-form-heading">{t('schedules.overrideAdd')}</h3>
      <p className="hint">{t('schedules.timesIn', { zone })}</p>
      <div className="form-row">
        <label>
          <span>{t('schedules.overrideWho')}</span>
          <select
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            data-testid="override-user"
            {...form.describe('/userId')}
          >
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/userId" />
        </label>
        <WindowFields window={window} form={form} testId="override" submitLabel={t('schedules.overrideSubmit')} />
      </div>
      <FormError form={form} />
      {added !== null && form.errors.general === null && (
        <p className="success" role="status" data-testid="override-added">
          {t('schedules.overrideAdded', { name: added })}
        </p>
      )}
    </form>
  );
}
