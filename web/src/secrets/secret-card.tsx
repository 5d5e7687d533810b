import { useState } from 'react';
import { api } from '../api';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { ConfirmButton } from '../admin/confirm-button';
import { RunbookUses } from './runbook-uses';
import { SecretForm } from './secret-form';
import type { ListedSecret } from './secrets-types';

/**
 * One secret: its name, where it comes from, when and by whom it was set, the runbooks using it,
 * and — for a stored one — replacing its value and deleting it (asked first, naming what uses it).
 * A server variable is only shown: it is changed on the server.
 */
export function SecretCard({ secret, onChanged }: { secret: ListedSecret; onChanged: (notice: string) => void }) {
  const { t, language } = useI18n();
  const [replacing, setReplacing] = useState(false);
  const stored = secret.source === 'store';
  const when = secret.updatedAt === null ? null : formatTime(secret.updatedAt, language);
  const count = secret.usedBy.length;

  return (
    <li className="secret-card" data-testid="secret-card" data-name={secret.name}>
      <div className="secret-head">
        <h3>
          <code>{secret.name}</code>
        </h3>
        <span className={`secret-source secret-source-${secret.source}`}>{t(`secrets.source.${secret.source}`)}</span>
      </div>
      {secret.description !== null && <p className="secret-description">{secret.description}</p>}
      {when !== null && (
        <p className="hint" data-testid="secret-updated">
          {secret.updatedBy === null
            ? t('secrets.updatedNoOne', { time: when })
            : t('secrets.updated', { time: when, who: secret.updatedBy })}
        </p>
      )}
      {!stored && <p className="hint">{t('secrets.environmentHint')}</p>}
      <RunbookUses uses={secret.usedBy} label={t('secrets.usedBy')} none={t('secrets.unused')} />
      {stored && (
        <div className="row-actions">
          <button
            type="button"
            className="secondary"
            aria-expanded={replacing}
            aria-label={t('secrets.replaceLabel', { name: secret.name })}
            onClick={() => setReplacing(!replacing)}
            data-testid="secret-replace"
          >
            {t('secrets.replace')}
          </button>
          <ConfirmButton
            label={t('secrets.delete')}
            question={
              count === 0
                ? t('secrets.deleteQuestion', { name: secret.name })
                : t('secrets.deleteQuestionUsed', { name: secret.name, count })
            }
            confirmLabel={t('secrets.deleteConfirm')}
            onConfirm={async () => {
              await api<void>('DELETE', `/api/v1/secrets/${encodeURIComponent(secret.name)}`);
              onChanged('');
            }}
            testId="secret-delete"
          />
        </div>
      )}
      {replacing && (
        <SecretForm
          existing={secret}
          onSaved={() => {
            setReplacing(false);
            onChanged(t('secrets.replaced', { name: secret.name }));
          }}
          onCancel={() => setReplacing(false)}
        />
      )}
    </li>
  );
}
