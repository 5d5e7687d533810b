import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { incidentPath, Link } from '../router';
import { useSession } from '../session';
import { canRespond } from '../types';
import { useResource } from '../use-resource';
import { CorrectiveActions } from './corrective-actions';
import { PostmortemDraftForm } from './postmortem-draft-form';
import { PostmortemFacts } from './postmortem-facts';
import { PostmortemReview } from './postmortem-review';
import { PostmortemSectionsEditor } from './postmortem-sections-editor';
import { postmortemApiPath, type Postmortem } from './postmortem-types';
import './postmortems.css';

/**
 * `/postmortems/:incidentId`: drafting the post-mortem when there is none; else its review buttons,
 * exports, the facts measured from the timeline, the sections to write and the corrective actions.
 */
export function PostmortemPage({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const responder = canRespond(session.user);
  const path = postmortemApiPath(incidentId);
  const loaded = useResource<Postmortem>(path, { notFoundIsState: true });
  const postmortem = loaded.data;
  return (
    <article className="pm-page">
      <div className="page-title">
        <Link to="/postmortems">{t('postmortems.back')}</Link>
        <Link to={incidentPath(incidentId)}>{t('postmortems.incidentLink', { id: incidentId })}</Link>
      </div>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.notFound && (
        <>
          <h1>{incidentId}</h1>
          <p data-testid="postmortem-none">{t('postmortems.none')}</p>
          {responder ? (
            <PostmortemDraftForm incidentId={incidentId} replace={false} onDrafted={loaded.set} />
          ) : (
            <p className="read-only">{t('postmortems.readOnly')}</p>
          )}
        </>
      )}
      {postmortem === null ? (
        !loaded.notFound && loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <header className="pm-header">
            <h1 data-testid="postmortem-title">{postmortem.title}</h1>
            <p>
              <span className={`pm-status pm-status-${postmortem.status}`} data-testid="postmortem-status">
                {t(`postmortems.status.${postmortem.status}`)}
              </span>
            </p>
            <nav className="pm-exports" aria-label={t('postmortems.exports')}>
              <a href={`${path}.md`} target="_blank" rel="noopener" data-testid="export-markdown">
                {t('postmortems.exportMarkdown')}
              </a>
              <a href={`${path}.html`} target="_blank" rel="noopener" data-testid="export-html">
                {t('postmortems.exportHtml')}
              </a>
            </nav>
          </header>
          {responder ? (
            <PostmortemReview postmortem={postmortem} onChanged={loaded.set} />
          ) : (
            <p className="read-only" data-testid="read-only">
              {t('postmortems.readOnly')}
            </p>
          )}
          {responder && postmortem.status === 'published' && (
            <p className="pm-muted">{t('postmortems.publishedReadOnly')}</p>
          )}
          {responder && postmortem.status === 'draft' && (
            <PostmortemDraftForm incidentId={incidentId} replace onDrafted={loaded.set} />
          )}
          <PostmortemFacts postmortem={postmortem} />
          <PostmortemSectionsEditor
            postmortem={postmortem}
            editable={responder && postmortem.status !== 'published'}
            onSaved={loaded.set}
            onReload={() => void loaded.reload()}
          />
          <CorrectiveActions postmortem={postmortem} editable={responder} onChanged={() => void loaded.reload()} />
        </>
      )}
    </article>
  );
}
