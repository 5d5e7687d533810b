import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { incidentPath, Link } from '../router';
import { useAction } from '../use-action';
import type { Integration, TestAlertResult } from './admin-types';
import { IntegrationTestResolve } from './integration-test-resolve';

/**
 * "Send a test alert": the server pushes one through the ingest path as a sender would, and the
 * page says what became of it — the incident it opened or joined (a link), or that it was muted —
 * then offers to resolve it, so that a test does not leave an alert firing and paging.
 */
export function IntegrationTestAlert({ integration }: { integration: Integration }) {
  const { t } = useI18n();
  const action = useAction();
  const [result, setResult] = useState<TestAlertResult | null>(null);
  const send = () =>
    void action.run(async () => {
      setResult(null);
      const path = `/api/v1/integrations/${encodeURIComponent(integration.id)}/test-alert`;
      setResult(await api<TestAlertResult>('POST', path));
    });

  return (
    <section className="integration-test-alert" aria-labelledby="integration-test-title">
      <h2 id="integration-test-title">{t('integration.test')}</h2>
      <p className="hint" id="integration-test-hint">
        {t('integration.testHint')}
      </p>
      <button
        type="button"
        onClick={send}
        disabled={action.busy || integration.disabledAt !== null}
        aria-describedby="integration-test-hint"
        data-testid="integration-test-send"
      >
        {action.busy ? t('integration.testSending') : t('integration.test')}
      </button>
      {action.error !== null && (
        <p className="field-error" role="alert">
          {action.error}
        </p>
      )}
      <div role="status" data-testid="integration-test-result" data-outcome={result?.outcome}>
        {result !== null && (
          <p>
            {t(`integration.test.${result.outcome}`)}{' '}
            {result.incidentId !== null && (
              <Link to={incidentPath(result.incidentId)} data-testid="integration-test-incident">
                {result.incidentTitle ?? result.incidentId}
              </Link>
            )}
          </p>
        )}
      </div>
      {result?.alertId != null && (
        // Keyed by the alert: a new test starts with a fresh button, not the last one's answer.
        <IntegrationTestResolve key={result.fingerprint} integrationId={integration.id} sent={result} />
      )}
    </section>
  );
}
