import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { incidentPath, Link } from '../router';
import { useAction } from '../use-action';
import type { TestAlertResolution, TestAlertResult } from './admin-types';

/**
 * "Resolve the test alert": once a test has shown that it pages, the on-call engineer ends it
 * as the monitoring would — its resolution goes through the same integration — and sees whether
 * its incident resolved with it (the integration's auto-resolve) or stays open, with its link.
 */
export function IntegrationTestResolve({ integrationId, sent }: { integrationId: string; sent: TestAlertResult }) {
  const { t } = useI18n();
  const action = useAction();
  const [resolution, setResolution] = useState<TestAlertResolution | null>(null);
  const resolve = () =>
    void action.run(async () => {
      const path = `/api/v1/integrations/${encodeURIComponent(integrationId)}/test-alert/resolve`;
      setResolution(await api<TestAlertResolution>('POST', path, { fingerprint: sent.fingerprint }));
    });
  const message =
    resolution === null
      ? null
      : resolution.incidentId === null
        ? t('integration.resolve.noIncident')
        : resolution.incidentStatus === 'resolved'
          ? t('integration.resolve.incidentResolved')
          : t('integration.resolve.incidentOpen');

  return (
    <div className="integration-test-resolve">
      {resolution === null && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={resolve}
            disabled={action.busy}
            aria-describedby="integration-resolve-hint"
            data-testid="integration-test-resolve"
          >
            {action.busy ? t('integration.resolve.sending') : t('integration.resolve.button')}
          </button>{' '}
          <span className="hint" id="integration-resolve-hint">
            {t('integration.resolve.hint')}
          </span>
        </p>
      )}
      {action.error !== null && (
        <p className="field-error" role="alert">
          {action.error}
        </p>
      )}
      <div
        role="status"
        data-testid="integration-resolve-result"
        data-incident-status={resolution?.incidentStatus ?? undefined}
      >
        {resolution !== null && (
          <p>
            {message}{' '}
            {resolution.incidentId !== null && (
              <Link to={incidentPath(resolution.incidentId)} data-testid="integration-resolve-incident">
                {sent.incidentTitle ?? resolution.incidentId}
              </Link>
            )}
            {resolution.alreadyResolved && <span className="hint"> {t('integration.resolve.already')}</span>}
          </p>
        )}
      </div>
    </div>
  );
}
