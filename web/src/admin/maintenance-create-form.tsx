import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { MaintenanceWindow, Service } from './admin-types';
import { FieldError, FormError, useAdminForm } from './form-feedback';
import { durationLabel } from './silence-create-form';
import { isoToLocalInput, localInputToIso } from './local-time';

const fields = ['/serviceId', '/startsAt', '/endsAt', '/reason'] as const;
const durations = [30, 60, 120, 240, 480, 1440] as const;

/**
 * Plans a maintenance of one service: from when (now by default, in the person's own clock), for
 * how long, and why. Its alerts are stored but do not page meanwhile.
 */
export function MaintenanceCreateForm({
  services,
  onCreated,
}: {
  services: readonly Service[];
  onCreated: (window: MaintenanceWindow) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [serviceId, setServiceId] = useState('');
  const [startsAt, setStartsAt] = useState(() => isoToLocalInput());
  const [minutes, setMinutes] = useState<number>(60);
  const [reason, setReason] = useState('');
  const service = serviceId === '' ? (services[0]?.id ?? '') : serviceId;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(async () => {
      // A start typed as "now" is a minute or so behind by the time it is sent: the window still covers now.
      const start = localInputToIso(startsAt) ?? new Date().toISOString();
      const endsAt = new Date(Math.max(Date.parse(start), Date.now()) + minutes * 60_000).toISOString();
      const created = await api<MaintenanceWindow>('POST', '/api/v1/maintenance-windows', {
        serviceId: service,
        startsAt: start,
        endsAt,
        reason: reason.trim(),
      });
      setReason('');
      setStartsAt(isoToLocalInput());
      onCreated(created);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="maintenance-create-heading"
      noValidate
    >
      <h2 id="maintenance-create-heading">{t('admin.maintenance.create')}</h2>
      {services.length === 0 && <p className="hint">{t('admin.maintenance.noServices')}</p>}
      <div className="form-row">
        <label>
          <span>{t('admin.maintenance.service')}</span>
          <select
            value={service}
            onChange={(event) => setServiceId(event.target.value)}
            data-testid="maintenance-service"
            {...form.describe('/serviceId')}
          >
            {services.map((item) => (
              <option key={item.id} value={item.id}>{`${item.name} (${item.id})`}</option>
            ))}
          </select>
          <FieldError form={form} path="/serviceId" />
        </label>
        <label>
          <span>{t('admin.maintenance.startsAt')}</span>
          <input
            type="datetime-local"
            required
            value={startsAt}
            onChange={(event) => setStartsAt(event.target.value)}
            data-testid="maintenance-starts"
            {...form.describe('/startsAt')}
          />
          <FieldError form={form} path="/startsAt" />
        </label>
        <label>
          <span>{t('admin.maintenance.duration')}</span>
          <select
            value={minutes}
            onChange={(event) => setMinutes(Number(event.target.value))}
            data-testid="maintenance-duration"
            {...form.describe('/endsAt')}
          >
            {durations.map((value) => (
              <option key={value} value={value}>
                {durationLabel(value, t)}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/endsAt" />
        </label>
        <label className="grow">
          <span>{t('admin.maintenance.reason')}</span>
          <input
            required
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="maintenance-reason"
            {...form.describe('/reason')}
          />
          <FieldError form={form} path="/reason" />
        </label>
        <button type="submit" disabled={form.busy || service === ''} data-testid="maintenance-create-submit">
          {form.busy ? t('admin.saving') : t('admin.maintenance.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
