import { useState } from 'react';
import { api } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link, navigate } from '../router';
import { loadNameDirectory } from '../services/name-directory';
import { useResource } from '../use-resource';
import { policyPath, type EscalationPolicy, type ServiceSummary } from './escalation-types';
import { PolicyForm, type PolicyDraft } from './policy-form';
import { PolicyPreview } from './policy-preview';
import { PolicyServices } from './policy-services';
import './escalation.css';

const emptyDraft: PolicyDraft = { id: '', name: '', repeat: 0, levels: [{ delayMinutes: 0, targets: [] }] };

async function loadEditor(id: string | null) {
  const [directory, services, policies] = await Promise.all([
    loadNameDirectory(),
    api<ServiceSummary[]>('GET', '/api/v1/service-summaries'),
    api<EscalationPolicy[]>('GET', '/api/v1/escalation-policies'),
  ]);
  const policy =
    id === null ? null : await api<EscalationPolicy>('GET', `/api/v1/escalation-policies/${encodeURIComponent(id)}`);
  return { directory, services, policies, policy };
}

/**
 * `/admin/escalation-policies/new` and `/admin/escalation-policies/<id>`: the editor, with who
 * the levels would page now beside it, and the services that use the policy below.
 */
export function PolicyPage({ id }: { id: string | null }) {
  const { t } = useI18n();
  const loaded = useResource({ key: `policy:${id ?? ''}`, load: () => loadEditor(id) }, { notFoundIsState: true });
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const data = loaded.data;
  const shown: PolicyDraft | null =
    draft ??
    (data === null
      ? null
      : data.policy === null
        ? emptyDraft
        : { id: data.policy.id, name: data.policy.name, repeat: data.policy.repeat, levels: data.policy.levels });
  const title = data?.policy == null ? 'escalation.new' : 'escalation.title';

  const saved = (policy: EscalationPolicy) => {
    if (id === null) navigate(policyPath(policy.id), { replace: true });
    else void loaded.reload();
  };

  return (
    <AdminPage minRole="admin" title={title}>
      <p>
        <Link to="/admin/escalation-policies">← {t('escalation.back')}</Link>
      </p>
      {loaded.notFound && (
        <p role="alert" className="error">
          {t('error.notFound', { what: id ?? '' })}
        </p>
      )}
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null || shown === null ? (
        loaded.error === null && !loaded.notFound && <p>{t('app.loading')}</p>
      ) : (
        <>
          {data.policy !== null && (
            <h2 className="policy-heading">{t('escalation.edit', { name: data.policy.name })}</h2>
          )}
          <div className="policy-editor">
            <PolicyForm
              draft={shown}
              isNew={id === null}
              directory={data.directory}
              onChange={setDraft}
              onSaved={saved}
            />
            <PolicyPreview levels={shown.levels} repeat={shown.repeat} directory={data.directory} />
          </div>
          {data.policy === null ? (
            <p className="muted">{t('escalation.saveFirst')}</p>
          ) : (
            <PolicyServices
              policy={data.policy}
              services={data.services}
              policyNames={new Map(data.policies.map((policy) => [policy.id, policy.name]))}
              onChanged={loaded.reload}
            />
          )}
        </>
      )}
    </AdminPage>
  );
}
