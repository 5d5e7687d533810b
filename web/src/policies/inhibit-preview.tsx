import { useMemo } from 'react';
import { api, ApiError } from '../api';
import { SeverityBadge } from '../badges';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { incidentPath, Link } from '../router';
import { useDebounced } from '../runbooks/use-debounced';
import { useResource } from '../use-resource';
import type { InhibitPreview, PreviewInhibitRuleInput } from './policies-types';

type Draft = Required<PreviewInhibitRuleInput> & { sourceMatchers: string[]; targetMatchers: string[] };
/** The server's count and sample, or why the matchers as typed cannot be evaluated yet. */
type Outcome = { preview: InhibitPreview; problem: null } | { preview: null; problem: string };

async function loadPreview(body: string): Promise<Outcome | null> {
  if (body === '') return null;
  try {
    return {
      preview: await api<InhibitPreview>('POST', '/api/v1/inhibit-rules/preview', JSON.parse(body)),
      problem: null,
    };
  } catch (error) {
    // A 400 is an answer while typing (a regex half written), not a failure of the page.
    if (error instanceof ApiError && error.status === 400) return { preview: null, problem: error.message };
    throw error;
  }
}

/**
 * "Would mute N alerts now": the draft rule evaluated by the server against the firing alerts
 * once typing pauses, with a few of them and the source that would mute each — seeing the
 * alerts is how one notices a target matcher wider than meant, before saving it.
 */
export function InhibitPreviewPanel({ draft }: { draft: Draft }) {
  const { t } = useI18n();
  const ready = draft.sourceMatchers.length > 0 && draft.targetMatchers.length > 0;
  const body = useDebounced(
    useMemo(() => (ready ? JSON.stringify(draft) : ''), [ready, draft]),
    400,
  );
  const loaded = useResource<Outcome | null>({ key: `inhibit-preview:${body}`, load: () => loadPreview(body) });
  const preview = loaded.data?.preview ?? null;
  return (
    <section className="inhibit-preview" aria-labelledby="inhibit-preview-heading" data-testid="inhibit-preview">
      <h3 id="inhibit-preview-heading">{t('policies.inhibitPreview.title')}</h3>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      <div role="status">
        {body === '' ? (
          <p className="hint">{t('policies.inhibitPreview.waiting')}</p>
        ) : loaded.data?.problem != null ? (
          <p className="hint">{t('policies.inhibitPreview.problem', { message: loaded.data.problem })}</p>
        ) : (
          preview !== null && (
            <p data-testid="inhibit-preview-count" data-muted={preview.muted}>
              <strong>
                {preview.muted === 0
                  ? t('policies.inhibitPreview.mutedNone')
                  : preview.muted === 1
                    ? t('policies.inhibitPreview.mutedOne')
                    : t('policies.inhibitPreview.muted', { n: preview.muted })}
              </strong>{' '}
              <span className="hint">
                {preview.sources === 1
                  ? t('policies.inhibitPreview.sourcesOne')
                  : t('policies.inhibitPreview.sources', { n: preview.sources })}
              </span>
            </p>
          )
        )}
      </div>
      {body !== '' && preview !== null && (
        <>
          {preview.capped && <p className="hint">{t('policies.inhibitPreview.capped', { limit: preview.limit })}</p>}
          <ul className="inhibit-preview-alerts">
            {preview.sample.map((alert) => (
              <li key={alert.id} data-testid="inhibit-preview-alert">
                <SeverityBadge severity={alert.severity} />{' '}
                {alert.incidentId === null ? (
                  alert.title
                ) : (
                  <Link to={incidentPath(alert.incidentId)}>{alert.title}</Link>
                )}{' '}
                <span className="hint">{t('policies.inhibitPreview.mutedBy', { source: alert.mutedBy })}</span>
              </li>
            ))}
          </ul>
          {preview.muted > preview.sample.length && (
            <p className="hint">{t('policies.inhibitPreview.more', { n: preview.muted - preview.sample.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
