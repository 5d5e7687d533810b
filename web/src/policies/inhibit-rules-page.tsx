import { useState } from 'react';
import { api } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { ConfirmButton } from '../admin/confirm-button';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { InhibitRuleForm } from './inhibit-rule-form';
import type { InhibitRule } from './policies-types';
import './policies.css';

type Matcher = InhibitRule['sourceMatchers'][number];

/** A matcher as Alertmanager writes it, the way it was typed in the form. */
const matcherText = (matcher: Matcher) => `${matcher.name}${matcher.operator}${JSON.stringify(matcher.value)}`;

/**
 * `/admin/inhibit-rules`: the rules as cards (source, muted target, equal labels fit a phone's
 * width better than four columns), deleting one, and adding one below with a "would mute N
 * alerts now" preview of the draft.
 */
export function InhibitRulesPage() {
  const { t } = useI18n();
  const loaded = useResource<InhibitRule[]>('/api/v1/inhibit-rules');
  const [created, setCreated] = useState<string | null>(null);
  const rules = loaded.data;
  const remove = async (rule: InhibitRule) => {
    await api('DELETE', `/api/v1/inhibit-rules/${rule.id}`);
    setCreated(null);
    await loaded.reload();
  };
  return (
    <AdminPage minRole="admin" title="policies.inhibit.title" intro="policies.inhibit.intro">
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {rules === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : rules.length === 0 ? (
        <p className="empty">{t('policies.inhibit.empty')}</p>
      ) : (
        <ul className="inhibit-rules" data-testid="inhibit-rules">
          {rules.map((rule) => (
            <li key={rule.id} className="inhibit-rule" data-testid="inhibit-rule">
              <h2>{rule.name}</h2>
              <dl>
                <dt>{t('policies.inhibit.colSource')}</dt>
                <dd>
                  <code>{rule.sourceMatchers.map(matcherText).join(', ')}</code>
                </dd>
                <dt>{t('policies.inhibit.colTarget')}</dt>
                <dd>
                  <code>{rule.targetMatchers.map(matcherText).join(', ')}</code>
                </dd>
                <dt>{t('policies.inhibit.colEqual')}</dt>
                <dd>{rule.equal.length === 0 ? '—' : rule.equal.join(', ')}</dd>
              </dl>
              <ConfirmButton
                label={t('policies.inhibit.delete')}
                question={t('policies.inhibit.deleteQuestion', { name: rule.name })}
                confirmLabel={t('policies.inhibit.deleteConfirm')}
                onConfirm={() => remove(rule)}
                testId="inhibit-delete"
              />
            </li>
          ))}
        </ul>
      )}
      <p role="status">
        {created !== null && <span className="success-inline">{t('policies.inhibit.created', { name: created })}</span>}
      </p>
      <InhibitRuleForm
        onCreated={(rule) => {
          setCreated(rule.name);
          void loaded.reload();
        }}
      />
    </AdminPage>
  );
}
