import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { EscalationAdoptionForm } from './escalation-adoption-form';
import type { AdoptableDraft } from './runbook-adoptions-page';
import type { DraftAdoption } from './runbook-types';

/**
 * One draft: its kind and title, what adopting it does thing by thing (with what the document
 * left to fill), and the button that adopts it — shown only when adopting would make something
 * new. Kinds that need choices the document does not make name the endpoint instead.
 */
export function DraftAdoptionCard({
  item: { draft, adoption },
  onAdopted,
}: {
  item: AdoptableDraft;
  /** `count`: how many things the adoption created or changed. */
  onAdopted: (title: string, count: number) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [choosing, setChoosing] = useState(false);
  const preview = adoption.preview;
  // The one kind needing choices that the console asks for itself: who each level pages.
  const asksTargets = draft.kind === 'escalation-policy';

  const adopt = () =>
    void action.run(async () => {
      const report = await api<DraftAdoption>('POST', adoption.endpoint, { draftId: draft.id });
      onAdopted(
        draft.title,
        report.entries.filter((entry) => entry.action === 'create' || entry.action === 'update').length,
      );
    });

  return (
    <li className="admin-card adoption-card" data-testid="adoption-card" data-kind={draft.kind}>
      <h2>
        <span className="adoption-kind">{t(`runbooks.draft.${draft.kind}`)}</span> {draft.title}
      </h2>
      <p data-testid="adoption-status">
        {t(draft.status === 'adopted' ? 'runbooks.adopt.status.adopted' : 'runbooks.adopt.status.draft')}
      </p>
      {adoption.blocked !== null && (
        <p className="error" data-testid="adoption-blocked">
          {t('runbooks.adopt.blocked', { reason: adoption.blocked })}
        </p>
      )}
      {preview === null ? (
        adoption.blocked === null &&
        (asksTargets ? (
          draft.status !== 'adopted' && (
            <>
              <button
                type="button"
                className="secondary"
                aria-expanded={choosing}
                aria-label={t('runbooks.adoptEscalation.openLabel', { title: draft.title })}
                onClick={() => setChoosing(!choosing)}
              >
                {t('runbooks.adoptEscalation.open')}
              </button>
              {choosing && <EscalationAdoptionForm draft={draft} onAdopted={() => onAdopted(draft.title, 1)} />}
            </>
          )
        ) : (
          <p data-testid="adoption-needs-more">{t('runbooks.adopt.needsMore', { endpoint: adoption.endpoint })}</p>
        ))
      ) : (
        <>
          <h3 className="adoption-entries-title">{t('runbooks.adopt.entries')}</h3>
          <ul className="adoption-entries">
            {preview.entries.map((entry, index) => (
              <li key={index} data-testid="adoption-entry" data-action={entry.action}>
                <strong>{t(`runbooks.adopt.action.${entry.action}`)}</strong> {entry.target} — {entry.detail}
                {entry.warnings.map((warning) => (
                  <span key={warning} className="adoption-warning">
                    {t('runbooks.adopt.warning', { text: warning })}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {preview.nothingNew ? (
            <p data-testid="adoption-nothing-new">{t('runbooks.adopt.nothingNew')}</p>
          ) : (
            <button
              type="button"
              disabled={action.busy}
              onClick={adopt}
              aria-label={t('runbooks.adopt.buttonLabel', { title: draft.title })}
              data-testid="adoption-adopt"
            >
              {t('runbooks.adopt.button')}
            </button>
          )}
        </>
      )}
      {action.error !== null && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
    </li>
  );
}
