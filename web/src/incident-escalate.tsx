import { useState, type FormEvent } from 'react';
import { api } from './api';
import type { EscalationPolicy } from './escalation/escalation-types';
import { useI18n } from './i18n';
import { LoadError } from './load-error';
import { useAction } from './use-action';
import { useResource } from './use-resource';

const policiesPath = '/api/v1/escalation-policies';

/**
 * Escalate: page an escalation policy again from its first level (`POST …/escalation`), for when whoever was paged
 * cannot be reached or more hands are needed. Shown under the lifecycle buttons once Escalate is pressed; the
 * policies are read only then, so the first screen of an incident does not wait for them.
 */
export function IncidentEscalate({ incidentId, onEscalated }: { incidentId: string; onEscalated: () => void }) {
  const { t } = useI18n();
  const policies = useResource<EscalationPolicy[]>(policiesPath);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const list = policies.data ?? [];
  const policyId = chosen ?? list[0]?.id ?? '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = list.find((policy) => policy.id === policyId)?.name ?? policyId;
    const trimmed = reason.trim();
    const sent = await action.run(async () => {
      await api('POST', `/api/v1/incidents/${encodeURIComponent(incidentId)}/escalation`, {
        policyId,
        ...(trimmed === '' ? {} : { reason: trimmed }),
      });
    });
    if (!sent) return;
    setReason('');
    setDone(t('phone.escalated', { policy: name }));
    onEscalated();
  };

  if (policies.data !== null && list.length === 0)
    return (
      <p className="escalate-none" data-testid="escalate-none">
        {t('phone.escalateNone')}
      </p>
    );
  return (
    <form className="escalate-form" onSubmit={(event) => void submit(event)} data-testid="escalate-form">
      <LoadError error={policies.error} onRetry={policies.reload} />
      <label>
        <span>{t('phone.escalatePolicy')}</span>
        <select value={policyId} onChange={(event) => setChosen(event.target.value)} data-testid="escalate-policy">
          {list.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('phone.escalateReason')}</span>
        <input
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
          data-testid="escalate-reason"
        />
      </label>
      <button type="submit" disabled={action.busy || policyId === ''} data-testid="escalate-submit">
        {action.busy ? t('action.working') : t('phone.escalateSubmit')}
      </button>
      {action.error !== null && (
        <p className="error" role="alert" data-testid="escalate-error">
          {action.error}
        </p>
      )}
      {done !== null && (
        <p className="success" role="status" data-testid="escalate-done">
          {done}
        </p>
      )}
    </form>
  );
}
