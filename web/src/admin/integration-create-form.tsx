import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import type { Integration, IntegrationKind, IntegrationKindInfo, IntegrationSettings, Service } from './admin-types';
import { ServiceSelect } from './service-select';
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
 * webhook's mapping, a heartbeat's period). The kinds, and the settings each needs, are the
 * server's (`GET /api/v1/integrations/kinds`, read from its table of kinds). The finer settings (grouping, severity map) stay in
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
  const kinds = useResource<IntegrationKindInfo[]>('/api/v1/integrations/kinds');
  // Until one is chosen, the first kind the server lists.
  const [chosenKind, setKind] = useState<IntegrationKind | null>(null);
  const kindInfo = kinds.data?.find((info) => info.kind === chosenKind) ?? kinds.data?.[0];
  const needs = (setting: IntegrationKindInfo['settings'][number]) => kindInfo?.settings.includes(setting) === true;
  const [serviceId, setServiceId] = useState('');
  const [mapping, setMapping] = useState(defaultWebhookMapping);
  const [period, setPeriod] = useState('300');
  const [grace, setGrace] = useState('60');

  const settingsFor = (): IntegrationSettings | undefined => {
    if (needs('heartbeat')) {
      const graceSeconds = secondsOf(grace);
      return {
        heartbeat: { periodSeconds: secondsOf(period) ?? 0, ...(graceSeconds === null ? {} : { graceSeconds }) },
      };
    }
    if (!needs('mapping')) return undefined;
    try {
      return { mapping: JSON.parse(mapping) as unknown };
    } catch {
      // Sent as text: the server names the field (`/settings/mapping`) and the form shows it there.
      return { mapping };
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (kindInfo === undefined) return;
    const { kind } = kindInfo;
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
            value={kindInfo?.kind ?? ''}
            onChange={(event) => setKind(event.target.value as IntegrationKind)}
            data-testid="integration-kind"
            {...form.describe('/kind')}
          >
            {(kinds.data ?? []).map(({ kind: value }) => (
              <option key={value} value={value}>
                {t(`admin.integrations.kind.${value}`)}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/kind" />
        </label>
        <ServiceSelect
          label={t('admin.integrations.service')}
          noneLabel={t('admin.integrations.noService')}
          services={services}
          value={serviceId}
          onChange={setServiceId}
          form={form}
          testId="integration-service"
        />
      </div>
      {needs('heartbeat') && (
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
      {needs('mapping') && (
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
        <button type="submit" disabled={form.busy || kindInfo === undefined} data-testid="integration-create-submit">
          {form.busy ? t('admin.saving') : t('admin.integrations.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
      <LoadError error={kinds.error} onRetry={kinds.reload} />
    </form>
  );
}
