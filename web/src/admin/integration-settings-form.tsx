import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { severities } from '../types';
import type { Integration, Service } from './admin-types';
import { DraftRowsEditor } from './draft-rows-editor';
import { FieldError, FormError, useAdminForm } from './form-feedback';
import { IntegrationExplain } from './integration-explain';
import { draftOf, settingsOf, type SettingsDraft } from './integration-settings-draft';

const fields = [
  '/settings/groupBy',
  '/settings/groupWindowMinutes',
  '/settings/severityMap',
  '/settings/serviceLabels',
  '/settings/serviceMap',
  '/settings',
] as const;

interface Props {
  integration: Integration;
  services: readonly Service[];
  onSaved: (integration: Integration) => void;
}

/**
 * How an integration's alerts become incidents, edited, with a live explanation beside it: the
 * admin types an alert's labels and sees, from the server's own planning, the group, priority and
 * service it gets under the settings being typed — before saving them.
 */
export function IntegrationSettingsForm({ integration, services, onSaved }: Props) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(integration.settings));
  const [saved, setSaved] = useState(false);
  const edit = (change: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const settings = settingsOf(draft, integration.settings);
  const severityChoices = severities.map((severity) => ({ value: severity, label: t(`severity.${severity}`) }));
  const serviceChoices =
    services.length === 0 ? undefined : services.map((service) => ({ value: service.id, label: service.name }));

  const save = async () => {
    const ok = await form.submit(async () => {
      const path = `/api/v1/integrations/${encodeURIComponent(integration.id)}`;
      onSaved((await api<{ integration: Integration }>('PATCH', path, { settings })).integration);
    });
    setSaved(ok);
  };

  return (
    <section className="integration-settings" aria-labelledby="integration-settings-title">
      <h2 id="integration-settings-title">{t('integration.settings')}</h2>
      <div className="settings-and-preview">
        <form
          ref={form.formRef}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          data-testid="integration-settings-form"
        >
          <label>
            <span>{t('integration.groupBy')}</span>
            <input
              value={draft.groupBy}
              onChange={(event) => edit({ groupBy: event.target.value })}
              data-testid="integration-group-by"
              {...form.describe('/settings/groupBy')}
            />
            <span className="hint">{t('integration.groupByHint')}</span>
            <FieldError form={form} path="/settings/groupBy" />
          </label>
          <label>
            <span>{t('integration.groupWindow')}</span>
            <input
              type="number"
              min={1}
              inputMode="numeric"
              value={draft.groupWindow}
              onChange={(event) => edit({ groupWindow: event.target.value })}
              data-testid="integration-group-window"
              {...form.describe('/settings/groupWindowMinutes')}
            />
            <span className="hint">{t('integration.groupWindowHint')}</span>
            <FieldError form={form} path="/settings/groupWindowMinutes" />
          </label>
          <DraftRowsEditor
            legend={t('integration.severityMap')}
            hint={t('integration.severityMapHint')}
            keyLabel={t('integration.word')}
            valueLabel={t('integration.priority')}
            rows={draft.severityRows}
            onChange={(severityRows) => edit({ severityRows })}
            choices={severityChoices}
            fresh={{ key: '', value: 'P2' }}
            addLabel={t('integration.addWord')}
            testId="integration-severity-map"
          />
          <FieldError form={form} path="/settings/severityMap" />
          <label>
            <span>{t('integration.defaultSeverity')}</span>
            <select
              value={draft.defaultSeverity}
              onChange={(event) => edit({ defaultSeverity: event.target.value as SettingsDraft['defaultSeverity'] })}
              data-testid="integration-default-severity"
            >
              {severityChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('integration.serviceLabels')}</span>
            <input
              value={draft.serviceLabels}
              onChange={(event) => edit({ serviceLabels: event.target.value })}
              data-testid="integration-service-labels"
              {...form.describe('/settings/serviceLabels')}
            />
            <span className="hint">{t('integration.serviceLabelsHint')}</span>
            <FieldError form={form} path="/settings/serviceLabels" />
          </label>
          <DraftRowsEditor
            legend={t('integration.serviceMap')}
            keyLabel={t('integration.value')}
            valueLabel={t('integration.service')}
            rows={draft.serviceRows}
            onChange={(serviceRows) => edit({ serviceRows })}
            {...(serviceChoices === undefined ? {} : { choices: serviceChoices })}
            fresh={{ key: '', value: services[0]?.id ?? '' }}
            addLabel={t('integration.addValue')}
            testId="integration-service-map"
          />
          <FieldError form={form} path="/settings/serviceMap" />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.autoResolve}
              onChange={(event) => edit({ autoResolve: event.target.checked })}
              data-testid="integration-auto-resolve"
            />
            <span>{t('integration.autoResolve')}</span>
          </label>
          <FormError form={form} />
          <button type="submit" disabled={form.busy} data-testid="integration-settings-save">
            {t('integration.save')}
          </button>
          <p role="status" data-testid="integration-settings-saved">
            {saved ? t('integration.saved') : ''}
          </p>
        </form>
        <IntegrationExplain integrationId={integration.id} settings={settings} services={services} />
      </div>
    </section>
  );
}
