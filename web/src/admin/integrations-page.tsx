import { useState } from 'react';
import { withQuery } from '../api';
import { useI18n } from '../i18n';
import type { Paged } from '../types';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { Integration, Service } from './admin-types';
import { IntegrationCreateForm, type IntegrationWithKey } from './integration-create-form';
import { IntegrationRow } from './integration-row';
import { ingestUrl } from './integration-urls';
import { SecretReveal } from './secret-reveal';

const servicesPath = withQuery('/api/v1/services', { limit: 1000 });

/**
 * `/admin/integrations`: the ways alerts come in, each with the URL to give its sender. A new or
 * rotated key is shown once, with that URL, and never again (the server keeps only its hash).
 */
export function IntegrationsPage() {
  const { t } = useI18n();
  const integrations = useResource<Integration[]>('/api/v1/integrations');
  const services = useResource<Paged<Service>>(servicesPath);
  const [revealed, setRevealed] = useState<{ integration: Integration; key: string } | null>(null);
  const serviceNames = new Map((services.data?.items ?? []).map((service) => [service.id, service.name]));
  const show = ({ integration, key }: IntegrationWithKey) => {
    if (key !== null) setRevealed({ integration, key });
  };

  return (
    <AdminPage minRole="admin" title="admin.integrations.title" intro="admin.integrations.intro">
      {revealed !== null && (
        <SecretReveal
          title={t('admin.integrations.keyTitle', { name: revealed.integration.name })}
          secret={revealed.key}
          extra={{
            label: t('admin.integrations.url'),
            value: ingestUrl(revealed.integration.endpoint, revealed.key),
            testId: 'integration-key-url',
          }}
          testId="integration-key"
          onDone={() => setRevealed(null)}
        />
      )}
      <IntegrationCreateForm
        services={services.data?.items ?? []}
        onCreated={(created) => {
          show(created);
          void integrations.reload();
        }}
      />
      <LoadError error={integrations.error} onRetry={integrations.reload} />
      {integrations.data === null ? (
        integrations.error === null && <p>{t('app.loading')}</p>
      ) : integrations.data.length === 0 ? (
        <p className="empty">{t('admin.integrations.empty')}</p>
      ) : (
        <table className="admin-table" data-testid="integrations-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.integrations.name')}</th>
              <th scope="col">{t('admin.integrations.kind')}</th>
              <th scope="col">{t('admin.integrations.url')}</th>
              <th scope="col">{t('admin.integrations.keyHint')}</th>
              <th scope="col">{t('admin.integrations.service')}</th>
              <th scope="col">{t('admin.integrations.state')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {integrations.data.map((integration) => (
              <IntegrationRow
                key={`${integration.id}:${integration.disabledAt ?? ''}`}
                integration={integration}
                serviceName={
                  integration.serviceId === null
                    ? null
                    : (serviceNames.get(integration.serviceId) ?? integration.serviceId)
                }
                onChanged={() => void integrations.reload()}
                onRotated={show}
              />
            ))}
          </tbody>
        </table>
      )}
    </AdminPage>
  );
}
