import { api } from '../api';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useDebounced } from '../runbooks/use-debounced';
import { targetText } from '../services/name-directory';
import { pageRefreshMs, useResource } from '../use-resource';
import type { EscalationLevel, EscalationPreview, NameDirectory } from './escalation-types';

/**
 * Beside the editor: who each level would page if an incident opened now, as a timeline — the
 * levels as they stand in the form, saved or not (`POST /api/v1/escalation-policies/preview`),
 * schedules resolved to whoever is on call. A level that would page nobody says so in red: that
 * is the mistake this preview is for. Follows the form after a short pause, and the clock.
 */
export function PolicyPreview({
  levels,
  repeat,
  directory,
}: {
  levels: readonly EscalationLevel[];
  repeat: number;
  directory: NameDirectory;
}) {
  const { t, language } = useI18n();
  const settled = useDebounced(JSON.stringify(levels), 400);
  const complete = levels.every((level) => level.targets.length > 0);
  const preview = useResource<EscalationPreview | null>(
    {
      key: settled,
      load: async () => {
        const wanted = JSON.parse(settled) as EscalationLevel[];
        if (wanted.some((level) => level.targets.length === 0)) return null;
        return api<EscalationPreview>('POST', '/api/v1/escalation-policies/preview', { levels: wanted });
      },
    },
    { refreshMs: pageRefreshMs },
  );
  const data = preview.data;
  return (
    <section className="policy-preview" aria-labelledby="policy-preview-title" data-testid="policy-preview">
      <h2 id="policy-preview-title">{t('escalation.preview')}</h2>
      <LoadError error={preview.error} onRetry={preview.reload} />
      {!complete || data === null ? (
        <p className="empty">{complete ? t('app.loading') : t('escalation.previewInvalid')}</p>
      ) : (
        <>
          <p className="muted">{t('escalation.previewAt', { time: formatTime(data.at, language) })}</p>
          <ol className="preview-timeline">
            {data.levels.map((level) => (
              <li key={level.level} data-testid="preview-level" data-level={level.level}>
                <p className="preview-when">
                  <strong>{t('escalation.level', { n: level.level })}</strong> ·{' '}
                  {level.afterMinutes === 0
                    ? t('escalation.previewStart')
                    : t('escalation.previewAfter', { m: level.afterMinutes })}
                </p>
                {level.people.length === 0 ? (
                  <p className="preview-nobody" data-testid="preview-nobody">
                    {t('escalation.previewNobody')}
                  </p>
                ) : (
                  <ul className="preview-people">
                    {level.people.map((person) => (
                      <li key={person.userId} data-testid="preview-person">
                        <strong>{person.name}</strong>{' '}
                        <span className="muted">
                          {t('escalation.previewVia', { target: targetText(person.via, directory, t) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {level.empty.map((target) => (
                  <p key={`${target.type}:${target.id}`} className="preview-empty" data-testid="preview-empty">
                    {t('escalation.previewEmpty', { target: targetText(target, directory, t) })}
                  </p>
                ))}
              </li>
            ))}
          </ol>
          {repeat > 0 && <p className="muted">{t('escalation.previewRepeat', { count: repeat })}</p>}
        </>
      )}
    </section>
  );
}
