import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { adoptionForms } from './adoption-forms';
import type { AdoptableDraft } from './runbook-adoptions-page';
import { AdoptionEntries, changedCount } from './adoption-entries';
import type { DraftAdoption, PostmortemTemplateData } from './runbook-types';

/**
 * One draft: its kind and title, what adopting it does thing by thing (with what the document
 * left to fill), and the button that adopts it — shown only when adopting would make something
 * new. Kinds needing choices the document does not make open their form (`adoptionForms`).
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
  const asking = adoptionForms[draft.kind];

  const adopt = () =>
    void action.run(async () => {
      const report = await api<DraftAdoption>('POST', adoption.endpoint, { draftId: draft.id });
      onAdopted(draft.title, changedCount(report));
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
      {draft.kind === 'postmortem-template' && (
        <>
          <h3 className="adoption-entries-title">{t('runbooks.adoptPostmortem.sections')}</h3>
          <ol className="adoption-sections" data-testid="adoption-sections">
            {(draft.data as unknown as PostmortemTemplateData).sections.map((section, index) => (
              <li key={index}>{section}</li>
            ))}
          </ol>
        </>
      )}
      {preview === null ? (
        adoption.blocked === null &&
        (asking === undefined ? (
          <p data-testid="adoption-needs-more">{t('runbooks.adopt.needsMore', { endpoint: adoption.endpoint })}</p>
        ) : (
          (asking.again || draft.status !== 'adopted') && (
            <>
              <button
                type="button"
                className="secondary"
                aria-expanded={choosing}
                aria-label={t(asking.openLabel, { title: draft.title })}
                onClick={() => setChoosing(!choosing)}
              >
                {t(asking.open)}
              </button>
              {choosing && <asking.Form draft={draft} onAdopted={(count = 1) => onAdopted(draft.title, count)} />}
            </>
          )
        ))
      ) : (
        <>
          <AdoptionEntries entries={preview.entries} />
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
