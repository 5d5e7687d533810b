import { useMemo } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useDebounced } from '../runbooks/use-debounced';
import { useResource } from '../use-resource';
import { definitionOf, type ScheduleDraft } from './schedule-draft';
import type { ScheduleTimeline } from './schedules-types';
import { TimelineView } from './timeline-view';

/**
 * The two weeks the definition being edited would give, computed by the server from the unsaved
 * fields (`POST /api/v1/schedules/timeline-preview`) once typing pauses. While a field is wrong the
 * last good chart stays, with the server's reason above it.
 */
export function SchedulePreview({ draft }: { draft: ScheduleDraft }) {
  const { t } = useI18n();
  const body = useDebounced(
    useMemo(() => JSON.stringify({ definition: definitionOf(draft) }), [draft]),
    400,
  );
  const preview = useResource<ScheduleTimeline>({
    key: body,
    load: () => api<ScheduleTimeline>('POST', '/api/v1/schedules/timeline-preview', JSON.parse(body) as unknown),
  });
  return (
    <div>
      <h2 id="schedule-edit-preview">{t('schedules.preview')}</h2>
      <p className="hint">{t('schedules.previewLive')}</p>
      {preview.error !== null && (
        <p className="error" role="status" data-testid="preview-error">
          {t('schedules.previewError', { reason: preview.error })}
        </p>
      )}
      {preview.data === null ? (
        preview.error === null && <p>{t('app.loading')}</p>
      ) : (
        <TimelineView timeline={preview.data} label={t('schedules.preview')} />
      )}
    </div>
  );
}
