import { useState } from 'react';
import { AdminPage } from '../admin/admin-layout';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { DraftAdoptionCard } from './draft-adoption-card';
import type { DraftAdoptionPreview, RunbookDraft } from './runbook-types';
import './runbooks.css';

/** A draft and what adopting it would do now. */
export interface AdoptableDraft {
  draft: RunbookDraft;
  adoption: DraftAdoptionPreview;
}

/** Every draft not dismissed, newest first, each with its preview (the server's dry run). */
async function loadAdoptableDrafts(): Promise<AdoptableDraft[]> {
  const { items } = await api<{ items: RunbookDraft[] }>('GET', '/api/v1/runbook-drafts?limit=500');
  return Promise.all(
    items
      .filter((draft) => draft.status !== 'dismissed')
      .map(async (draft) => ({
        draft,
        adoption: await api<DraftAdoptionPreview>('GET', `/api/v1/runbook-drafts/${draft.id}/adoption`),
      })),
  );
}

/**
 * `/admin/from-runbooks` (admins, as adopting is): what the imported runbooks already say, draft
 * by draft, with what adopting would create, change, keep or leave out, and an Adopt button. The
 * previews are the server's dry runs, so the page never guesses what a click will do.
 */
export function RunbookAdoptionsPage() {
  const { t } = useI18n();
  const drafts = useResource<AdoptableDraft[]>({ key: 'runbook-adoptions', load: loadAdoptableDrafts });
  const [done, setDone] = useState('');

  const onAdopted = (title: string, count: number) => {
    setDone(t('runbooks.adopt.done', { title, count }));
    void drafts.reload();
  };

  return (
    <AdminPage minRole="admin" title="runbooks.adopt.title" intro="runbooks.adopt.intro">
      {/* Always in the page: a live region added with its text is not read out. */}
      <p role="status" className="adopt-done" data-testid="adopt-done">
        {done}
      </p>
      <LoadError error={drafts.error} onRetry={drafts.reload} />
      {drafts.data === null ? (
        drafts.error === null && <p>{t('app.loading')}</p>
      ) : drafts.data.length === 0 ? (
        <p className="empty" data-testid="adopt-empty">
          {t('runbooks.adopt.empty')}
        </p>
      ) : (
        <ul className="adoption-list">
          {drafts.data.map((item) => (
            <DraftAdoptionCard key={item.draft.id} item={item} onAdopted={onAdopted} />
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
