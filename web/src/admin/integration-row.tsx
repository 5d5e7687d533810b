import { useState } from 'react';
import { api } from '../api';
import { errorText } from '../format';
import { Link } from '../router';
import { useI18n } from '../i18n';
import type { Integration } from './admin-types';
import { ConfirmButton } from './confirm-button';
import type { IntegrationWithKey } from './integration-create-form';
import { ingestUrl, keyUsage } from './integration-urls';

interface IntegrationRowProps {
  integration: Integration;
  serviceName: string | null;
  onChanged: () => void;
  /** A new key was issued: the page shows it, once. */
  onRotated: (rotated: IntegrationWithKey) => void;
}

/**
 * One integration: where its sender posts and how it gives the key (the key itself is known
 * only by its last characters), and what an admin does to it — rotate the key, disable it (its
 * senders get 401 at once), enable it again.
 */
export function IntegrationRow({ integration, serviceName, onChanged, onRotated }: IntegrationRowProps) {
  const { t } = useI18n();
  const path = `/api/v1/integrations/${encodeURIComponent(integration.id)}`;
  const disabled = integration.disabledAt !== null;
  const change = (body: { disabled?: boolean; rotateKey?: boolean }) => api<IntegrationWithKey>('PATCH', path, body);
  const [enableError, setEnableError] = useState<string | null>(null);
  // Enabling takes nothing away, so it is not asked first; a refusal is still said.
  const enable = () => {
    setEnableError(null);
    change({ disabled: false }).then(onChanged, (failure: unknown) => setEnableError(errorText(failure, t)));
  };

  return (
    <tr data-testid="integration-row" data-name={integration.name} className={disabled ? 'inactive' : undefined}>
      <th scope="row">
        <Link
          to={`/admin/integrations/${encodeURIComponent(integration.id)}`}
          aria-label={t('integration.open', { name: integration.name })}
          data-testid="integration-row-open"
        >
          {integration.name}
        </Link>
      </th>
      <td>{t(`admin.integrations.kind.${integration.kind}`)}</td>
      <td className="url-cell">
        <code data-testid="integration-row-url">{ingestUrl(integration.endpoint)}</code>
        <span className="hint">{t(keyUsage(integration.kind))}</span>
      </td>
      <td>
        <code>{integration.keyHint}</code>
      </td>
      <td>{serviceName ?? t('common.none')}</td>
      <td data-testid="integration-row-state">
        {disabled ? t('admin.integrations.disabled') : t('admin.integrations.enabled')}
      </td>
      <td>
        <div className="row-actions">
          <ConfirmButton
            label={t('admin.integrations.rotate')}
            question={t('admin.integrations.rotateQuestion', { name: integration.name })}
            confirmLabel={t('admin.integrations.rotateConfirm')}
            onConfirm={async () => {
              onRotated(await change({ rotateKey: true }));
              onChanged();
            }}
            testId="integration-row-rotate"
          />
          {disabled ? (
            <button type="button" className="secondary" onClick={enable} data-testid="integration-row-enable">
              {t('admin.integrations.enable')}
            </button>
          ) : (
            <ConfirmButton
              label={t('admin.integrations.disable')}
              question={t('admin.integrations.disableQuestion', { name: integration.name })}
              confirmLabel={t('admin.integrations.disableConfirm')}
              onConfirm={async () => {
                await change({ disabled: true });
                onChanged();
              }}
              testId="integration-row-disable"
            />
          )}
          {enableError !== null && (
            <span className="field-error" role="alert">
              {enableError}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
