import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { scheduleApi } from './schedule-paths';
import type { ScheduleRecord, ScheduleTimeline } from './schedules-types';
import { momentIn } from './timeline-format';
import { isoToZoned, zonedToIso } from './zoned-time';

const fields = ['/startsAt', '/endsAt', '/reason'] as const;

/**
 * Asks for cover of one's own shift: pick one of one's next shifts (from the server's timeline),
 * then narrow the window if only part of it needs covering.
 */
export function SwapAskForm({
  schedule,
  shifts,
  onAsked,
}: {
  schedule: ScheduleRecord;
  shifts: ScheduleTimeline['final'];
  onAsked: () => void;
}) {
  const { t, language } = useI18n();
  const form = useAdminForm(fields);
  const zone = schedule.definition.timeZone;
  const [from, setFrom] = useState(isoToZoned(shifts[0]?.start ?? '', zone));
  const [to, setTo] = useState(isoToZoned(shifts[0]?.end ?? '', zone));
  const [reason, setReason] = useState('');
  const [asked, setAsked] = useState(false);

  const pick = (index: number) => {
    const shift = shifts[index];
    if (shift === undefined) return;
    setFrom(isoToZoned(shift.start, zone));
    setTo(isoToZoned(shift.end, zone));
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAsked(false);
    await form.submit(async () => {
      await api('POST', scheduleApi(schedule.id, '/swaps'), {
        startsAt: zonedToIso(from, zone) ?? from,
        endsAt: zonedToIso(to, zone) ?? to,
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      });
      setAsked(true);
      setReason('');
      onAsked();
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="swap-ask-heading"
      noValidate
    >
      <h3 id="swap-ask-heading">{t('schedules.swapAsk')}</h3>
      <p className="hint">{t('schedules.timesIn', { zone })}</p>
      <div className="form-row">
        <label className="grow">
          <span>{t('schedules.swapShift')}</span>
          <select onChange={(e) => pick(Number(e.target.value))} data-testid="swap-shift">
            {shifts.map((shift, index) => (
              <option key={shift.start} value={index}>
                {momentIn(shift.start, zone, language)} → {momentIn(shift.end, zone, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('schedules.from')}</span>
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="swap-from"
            {...form.describe('/startsAt')}
          />
          <FieldError form={form} path="/startsAt" />
        </label>
        <label>
          <span>{t('schedules.to')}</span>
          <input
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="swap-to"
            {...form.describe('/endsAt')}
          />
          <FieldError form={form} path="/endsAt" />
        </label>
        <label className="grow">
          <span>{t('schedules.reason')}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="swap-reason"
            {...form.describe('/reason')}
          />
          <FieldError form={form} path="/reason" />
        </label>
        <button type="submit" disabled={form.busy} data-testid="swap-submit">
          {form.busy ? t('admin.saving') : t('schedules.swapAskSubmit')}
        </button>
      </div>
      <FormError form={form} />
      {asked && form.errors.general === null && (
        <p className="success" role="status" data-testid="swap-asked">
          {t('schedules.swapAsked')}
        </p>
      )}
    </form>
  );
}
