import { withQuery } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import type { Paged } from '../types';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { Integration, Service } from './admin-types';
import { IntegrationSenderConfig } from './integration-sender-config';
import { IntegrationSettingsForm } from './integration-settings-form';
import { IntegrationTestAlert } from './integration-test-alert';
import './integration.css';

const servicesPath = withQuery('/api/v1/services', { limit: 1000 });

/**
 * `/admin/integrations/:id`: setting one integration up — how its alerts become incidents (with
 * a live explanation), what to paste into its sender, and a test alert to see the whole path work.
 * The API lists integrations whole (they are few), so the page picks its own from the list.
 */
export function IntegrationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const integrations = useResource<Integration[]>('/api/v1/integrations');
  const services = useResource<Paged<Service>>(servicesPath);
  const integration = integrations.data?.find((candidate) => candidate.id === id);

  return (
    <AdminPage minRole="admin" title="admin.integrations.title">
      <p>
        <Link to="/admin/integrations">{t('integration.back')}</Link>
      </p>
      <LoadError error={integrations.error} onRetry={integrations.reload} />
      {integrations.data === null ? (
        integrations.error === null && <p>{t('app.loading')}</p>
      ) : integration === undefined ? (
        <p className="empty">{t('integration.notFound')}</p>
      ) : (
        <>
          <h2 data-testid="integration-name">
            {integration.name} <small>{t(`admin.integrations.kind.${integration.kind}`)}</small>
          </h2>
          <IntegrationTestAlert integration={integration} />
          <IntegrationSenderConfig integration={integration} />
          {/* Remounted when services arrive: the service map's choices start from them. */}
          <IntegrationSettingsForm
            key={services.data === null ? 'loading' : 'ready'}
            integration={integration}
            services={services.data?.items ?? []}
            onSaved={() => void integrations.reload()}
          />
        </>
      )}
    </AdminPage>
  );
}
