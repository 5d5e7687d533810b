import { useState } from 'react';
import { FieldError, type AdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { zonedToIso } from './zoned-time';

/** A window's fields (from, to, reason) as typed, in the schedule's zone. */
export interface WindowState {
  from: string;
  to: string;
  reason: string;
  set: (change: Partial<Pick<WindowState, 'from' | 'to' | 'reason'>>) => void;
}

export function useWindowState(initial: { from: string; to: string } = { from: '', to: '' }): WindowState {
  const [fields, setFields] = useState({ ...initial, reason: '' });
  return { ...fields, set: (change) => setFields((current) => ({ ...current, ...change })) };
}

/**
 * The request body of a window: instants from the zone's wall-clock times. An unreadable field
 * goes as it was typed, so the server names it (400 on its path).
 */
export function windowBody(window: WindowState, zone: string) {
  return {
    startsAt: zonedToIso(window.from, zone) ?? window.from,
    endsAt: zonedToIso(window.to, zone) ?? window.to,
    ...(window.reason.trim() === '' ? {} : { reason: window.reason.trim() }),
  };
}

/**
 * From, to and reason with their errors, then the submit button: what an override and a swap
 * request both ask. `testId` prefixes each field's test id (`override-from` …).
 */
export function WindowFields({
  window,
  form,
  testId,
  submitLabel,
}: {
  window: WindowState;
  form: AdminForm;
  testId: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const field = (key: 'from' | 'to', path: string, label: string) => (
    <label>
      <span>{label}</span>
      <input
        type="datetime-local"
        required
        value={window[key]}
        onChange={(e) => window.set({ [key]: e.target.value })}
        data-testid={`${testId}-${key}`}
        {...form.describe(path)}
      />
      <FieldError form={form} path={path} />
    </label>
  );
  return (
    <>
      {field('from', '/startsAt', t('schedules.from'))}
      {field('to', '/endsAt', t('schedules.to'))}
      <label className="grow">
        <span>{t('schedules.reason')}</span>
        <input
          value={window.reason}
          onChange={(e) => window.set({ reason: e.target.value })}
          data-testid={`${testId}-reason`}
          {...form.describe('/reason')}
        />
        <FieldError form={form} path="/reason" />
      </label>
      <button type="submit" disabled={form.busy} data-testid={`${testId}-submit`}>
        {form.busy ? t('admin.saving') : submitLabel}
      </button>
    </>
  );
}
