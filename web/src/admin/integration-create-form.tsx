import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import {
  integrationKinds,
  type Integration,
  type IntegrationKind,
  type IntegrationSettings,
  type Service,
} from './admin-types';
import { FieldError, FormError, useAdminForm } from './form-feedback';
import { defaultWebhookMapping, secondsOf } from './integration-urls';

const fields = ['/name', '/kind', '/serviceId', '/settings', '/settings/mapping', '/settings/heartbeat'] as const;

/** The answer to a creation or a key rotation: the key is in it, and only there. */
export interface IntegrationWithKey {
  integration: Integration;
  key: string | null;
}

/**
 * Adds a way in for alerts: its name, kind and default service, plus what its kind needs (a
 * webhook's mapping, a heartbeat's period). The finer settings (grouping, severity map) stay in
 * the API: they are set once, by someone reading the README.
 */
export function IntegrationCreateForm({
  services,
  onCreated,
}: {
  services: readonly Service[];
  onCreated: (created: IntegrationWithKey) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<IntegrationKind>('prometheus');
  const [serviceId, setServiceId] = useState('');
  const [mapping, setMapping] = useState(defaultWebhookMapping);
  const [period, setPeriod] = useState('300');
  const [grace, setGrace] = useState('60');

  const settingsFor = (): IntegrationSettings | undefined => {
    if (kind === 'heartbeat') {
      const graceSeconds = secondsOf(grace);
      return {
        heartbeat: { periodSeconds: secondsOf(period) ?? 0, ...(graceSeconds === null ? {} : { graceSeconds }) },
      };
    }
    if (kind !== 'webhook') return undefined;
    try {
      return { mapping: JSON.parse(mapping) as unknown };
    } catch {
      // Sent as text: the server names the field (`/settings/mapping`) and the form shows it there.
      return { mapping };
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const settings = settingsFor();
    await form.submit(async () => {
      const created = await api<IntegrationWithKey>('POST', '/api/v1/integrations', {
        name: name.trim(),
        kind,
        ...(serviceId === '' ? {} : { serviceId }),
        ...(settings === undefined ? {} : { settings }),
      });
      setName('');
      onCreated(created);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="integration-create-heading"
      noValidate
    >
      <h2 id="integration-create-heading">{t('admin.integrations.create')}</h2>
      <div className="form-row">
        <label className="grow">
          <span>{t('admin.integrations.name')}</span>
          <input
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="integration-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
        <label>
          <span>{t('admin.integrations.kind')}</span>
          <select
            value={kind}
            onChange={(event) => setKind(event.target.value as IntegrationKind)}
            data-testid="integration-kind"
            {...form.describe('/kind')}
          >
            {integrationKinds.map((value) => (
              <option key={value} value={value}>
                {t(`admin.integrations.kind.${value}`)}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/kind" />
        </label>
        <label>
          <span>{t('admin.integrations.service')}</span>
          <select
            value={serviceId}
            onChange={(event) => setServiceId(event.target.value)}
            data-testid="integration-service"
            {...form.describe('/serviceId')}
          >
            <option value="">{t('admin.integrations.noService')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/serviceId" />
        </label>
      </div>
      {kind === 'heartbeat' && (
        <fieldset className="form-row">
          <legend>{t('admin.integrations.heartbeat')}</legend>
          <label>
            <span>{t('admin.integrations.period')}</span>
            <input
              type="number"
              min={10}
              required
              value={period}
              onChange={(event) => setPeriod(event.target.value)}
              data-testid="integration-period"
              {...form.describe('/settings/heartbeat')}
            />
          </label>
          <label>
            <span>{t('admin.integrations.grace')}</span>
            <input
              type="number"
              min={0}
              value={grace}
              onChange={(event) => setGrace(event.target.value)}
              data-testid="integration-grace"
            />
          </label>
          <FieldError form={form} path="/settings/heartbeat" />
        </fieldset>
      )}
      {kind === 'webhook' && (
        <label>
          <span>{t('admin.integrations.mapping')}</span>
          <textarea
            rows={6}
            spellCheck={false}
            value={mapping}
            onChange={(event) => setMapping(event.target.value)}
            data-testid="integration-mapping"
            {...form.describe('/settings/mapping')}
          />
          <span className="hint">{t('admin.integrations.mappingHint')}</span>
          <FieldError form={form} path="/settings/mapping" />
        </label>
      )}
      <FieldError form={form} path="/settings" />
      <div>
        <button type="submit" disabled={form.busy} data-testid="integration-create-submit">
          {form.busy ? t('admin.saving') : t('admin.integrations.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
