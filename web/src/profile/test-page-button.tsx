import { useState } from 'react';
import { api } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { useAction } from '../use-action';
import { urgencies, type PersonRules, type TestPage, type Urgency } from './profile-types';

/**
 * "Send me a test page": one test message through each saved rule for the urgency chosen (high
 * first: the page that must wake you), now, and what came of each — read out (a live region)
 * since the answers come seconds after the press.
 */
export function TestPageButton({
  userId,
  label,
  kinds,
}: {
  userId: string;
  label: string;
  kinds: PersonRules['kinds'];
}) {
  const { t } = useI18n();
  const action = useAction();
  const [result, setResult] = useState<TestPage | null>(null);
  const [urgency, setUrgency] = useState<Urgency>('high');
  const send = () =>
    action.run(async () => {
      setResult(null);
      setResult(await api<TestPage>('POST', `/api/v1/users/${encodeURIComponent(userId)}/test-page`, { urgency }));
    });
  return (
    <section className="profile-test" aria-labelledby="profile-test-title">
      <h2 id="profile-test-title">{label}</h2>
      <p className="hint">{t('profile.testHint')}</p>
      <label className="profile-test-urgency">
        <span>{t('profile.urgency.test')}</span>
        <select
          value={urgency}
          onChange={(event) => setUrgency(event.target.value === 'low' ? 'low' : 'high')}
          data-testid="profile-test-urgency"
        >
          {urgencies.map((choice) => (
            <option key={choice} value={choice}>
              {t(`profile.urgency.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void send()} disabled={action.busy} data-testid="profile-test-page">
        {action.busy ? t('profile.testing') : label}
      </button>
      <div role="status" data-testid="profile-test-outcome">
        {action.error !== null && <p className="error">{action.error}</p>}
        {result !== null && (
          <p>
            {t(result.rules.length === 0 ? 'profile.urgency.testedNone' : 'profile.urgency.tested', {
              urgency: t(`profile.urgency.word.${result.urgency}`),
            })}
          </p>
        )}
        {result !== null && (
          <ul className="profile-test-outcomes">
            {result.rules.map((rule, index) => (
              <li key={index} data-outcome={rule.outcome} data-testid="profile-test-rule">
                <strong>{kinds.find((kind) => kind.kind === rule.channel)?.label ?? rule.channel}</strong>{' '}
                <span className={rule.outcome === 'sent' ? 'success-inline' : 'field-error'}>
                  {t(`profile.outcome.${rule.outcome}` as MessageKey, {
                    error: rule.error ?? `HTTP ${rule.status ?? '?'}`,
                  })}
                  {rule.to === null ? '' : ` → ${rule.to}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
