import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import type { EscalationPolicy, ServiceSummary } from './escalation-types';

/**
 * The services whose incidents page with this policy, and giving it to another one
 * (`PUT /api/v1/services/{id}/escalation-policy`): from the policy's page, the policy just
 * written is one step from being used. The other services' current policy is shown in the list.
 */
export function PolicyServices({
  policy,
  services,
  policyNames,
  onChanged,
}: {
  policy: EscalationPolicy;
  services: readonly ServiceSummary[];
  policyNames: ReadonlyMap<string, string>;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const using = services.filter((service) => service.escalationPolicyId === policy.id);
  const others = services.filter((service) => service.escalationPolicyId !== policy.id);
  const [picked, setPicked] = useState('');
  const chosen = others.some((service) => service.id === picked) ? picked : (others[0]?.id ?? '');

  const assign = async (serviceId: string, policyId: string | null) => {
    setDone(null);
    const ok = await action.run(async () => {
      await api('PUT', `/api/v1/services/${encodeURIComponent(serviceId)}/escalation-policy`, { policyId });
      await onChanged();
    });
    const name = services.find((service) => service.id === serviceId)?.name ?? serviceId;
    if (ok && policyId !== null) setDone(t('escalation.serviceAssigned', { service: name }));
  };

  return (
    <section className="policy-services" aria-labelledby="policy-services-title" data-testid="policy-services">
      <h2 id="policy-services-title">{t('escalation.services')}</h2>
      {using.length === 0 ? (
        <p className="empty">{t('escalation.servicesNone')}</p>
      ) : (
        <ul className="policy-service-list">
          {using.map((service) => (
            <li key={service.id} data-testid="policy-service">
              <span>{service.name}</span>
              <button
                type="button"
                className="secondary small"
                disabled={action.busy}
                onClick={() => void assign(service.id, null)}
              >
                {t('escalation.serviceRemove', { name: service.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="form-row">
          <label className="grow">
            <span>{t('escalation.servicePick')}</span>
            <select
              value={chosen}
              onChange={(event) => setPicked(event.target.value)}
              data-testid="policy-service-pick"
            >
              {others.map((service) => (
                <option key={service.id} value={service.id}>
                  {`${service.name} — ${
                    service.escalationPolicyId === null
                      ? t('escalation.serviceNoPolicy')
                      : t('escalation.serviceOther', {
                          policy: policyNames.get(service.escalationPolicyId) ?? service.escalationPolicyId,
                        })
                  }`}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={action.busy || chosen === ''}
            onClick={() => void assign(chosen, policy.id)}
            data-testid="policy-service-assign"
          >
            {t('escalation.serviceAssign')}
          </button>
        </div>
      )}
      {done !== null && (
        <p className="success" role="status" data-testid="policy-service-done">
          {done}
        </p>
      )}
      {action.error !== null && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}
