import { api } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { policyPath, type EscalationPolicy, type ServiceSummary } from './escalation-types';
import './escalation.css';

async function loadPolicies() {
  const [policies, services] = await Promise.all([
    api<EscalationPolicy[]>('GET', '/api/v1/escalation-policies'),
    api<ServiceSummary[]>('GET', '/api/v1/service-summaries'),
  ]);
  return { policies, services };
}

/** `/admin/escalation-policies`: every policy, how many levels it has, which services page with it. */
export function PoliciesPage() {
  const { t } = useI18n();
  const loaded = useResource({ key: 'escalation-policies', load: loadPolicies });
  const data = loaded.data;
  return (
    <AdminPage minRole="admin" title="escalation.title" intro="escalation.intro">
      <p>
        <Link to={policyPath(null)} className="button-link" data-testid="policy-new">
          {t('escalation.new')}
        </Link>
      </p>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : data.policies.length === 0 ? (
        <p className="empty">{t('escalation.empty')}</p>
      ) : (
        <table className="admin-table" data-testid="policies-table">
          <thead>
            <tr>
              <th scope="col">{t('escalation.colName')}</th>
              <th scope="col">{t('escalation.colLevels')}</th>
              <th scope="col">{t('escalation.colServices')}</th>
            </tr>
          </thead>
          <tbody>
            {data.policies.map((policy) => {
              const services = data.services.filter((service) => service.escalationPolicyId === policy.id);
              return (
                <tr key={policy.id} data-testid="policy-row" data-policy-id={policy.id}>
                  <th scope="row">
                    <Link to={policyPath(policy.id)}>{policy.name}</Link>
                  </th>
                  <td>{t('escalation.levelsCount', { count: policy.levels.length, repeat: policy.repeat })}</td>
                  <td>{services.length === 0 ? t('common.none') : services.map((s) => s.name).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AdminPage>
  );
}
