import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FormError, useAdminForm } from '../admin/form-feedback';
import { scheduleApi } from './schedule-paths';
import type { ScheduleRecord, ScheduleTimeline } from './schedules-types';
import { momentIn } from './timeline-format';
import { useWindowState, windowBody, WindowFields } from './window-fields';
import { isoToZoned } from './zoned-time';

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
  const window = useWindowState({
    from: isoToZoned(shifts[0]?.start ?? '', zone),
    to: isoToZoned(shifts[0]?.end ?? '', zone),
  });
  const [asked, setAsked] = useState(false);

  const pick = (index: number) => {
    const shift = shifts[index];
    if (shift !== undefined) window.set({ from: isoToZoned(shift.start, zone), to: isoToZoned(shift.end, zone) });
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAsked(false);
    await form.submit(async () => {
      await api('POST', scheduleApi(schedule.id, '/swaps'), windowBody(window, zone));
      setAsked(true);
      window.set({ reason: '' });
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
        <WindowFields window={window} form={form} testId="swap" submitLabel={t('schedules.swapAskSubmit')} />
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
