import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import type { Person } from './schedule-page';
import { scheduleApi } from './schedule-paths';
import type { Override, ScheduleRecord } from './schedules-types';
import { zonedToIso } from './zoned-time';

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
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(null);
    await form.submit(async () => {
      // An unreadable field goes as it was typed: the server names it (400 on its path).
      const override = await api<Override>('POST', scheduleApi(schedule.id, '/overrides'), {
        userId,
        startsAt: zonedToIso(from, zone) ?? from,
        endsAt: zonedToIso(to, zone) ?? to,
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      });
      setAdded(people.find((person) => person.id === override.userId)?.name ?? override.userId);
      setFrom('');
      setTo('');
      setReason('');
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
        <label>
          <span>{t('schedules.from')}</span>
          <input
            type="datetime-local"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="override-from"
            {...form.describe('/startsAt')}
          />
          <FieldError form={form} path="/startsAt" />
        </label>
        <label>
          <span>{t('schedules.to')}</span>
          <input
            type="datetime-local"
            required
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="override-to"
            {...form.describe('/endsAt')}
          />
          <FieldError form={form} path="/endsAt" />
        </label>
        <label className="grow">
          <span>{t('schedules.reason')}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="override-reason"
            {...form.describe('/reason')}
          />
          <FieldError form={form} path="/reason" />
        </label>
        <button type="submit" disabled={form.busy} data-testid="override-submit">
          {form.busy ? t('admin.saving') : t('schedules.overrideSubmit')}
        </button>
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
