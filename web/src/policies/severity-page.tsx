import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import type { SeverityPolicy } from './policies-types';
import { SeverityBars } from './severity-bars';
import { SeverityForm } from './severity-form';
import './policies.css';

/**
 * `/admin/severity-policies`: P1 to P4, each editable where it is shown, under bars comparing
 * their targets. A save replaces that severity in the list, so the bars follow at once.
 */
export function SeverityPage() {
  const { t } = useI18n();
  const loaded = useResource<SeverityPolicy[]>('/api/v1/severity-policies');
  const policies = loaded.data;
  const replace = (saved: SeverityPolicy) =>
    loaded.set((policies ?? []).map((policy) => (policy.severity === saved.severity ? saved : policy)));
  return (
    <AdminPage minRole="admin" title="policies.severity.title" intro="policies.severity.intro">
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {policies === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <SeverityBars policies={policies} />
          {policies.map((policy) => (
            <SeverityForm key={policy.severity} policy={policy} onSaved={replace} />
          ))}
        </>
      )}
    </AdminPage>
  );
}
