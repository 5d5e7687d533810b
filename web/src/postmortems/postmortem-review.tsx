import { useState } from 'react';
import { api } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { postmortemApiPath, type Postmortem } from './postmortem-types';

/** The review buttons: one per state the post-mortem may move to now, as the server says. */
export function PostmortemReview({
  postmortem,
  onChanged,
}: {
  postmortem: Postmortem;
  onChanged: (changed: Postmortem) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const move = async (status: Postmortem['status']) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await api<Postmortem>('POST', `${postmortemApiPath(postmortem.incidentId)}/status`, {
          status,
          version: postmortem.version,
        }),
      );
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="pm-review" role="group" aria-label={t('postmortems.review')}>
      {postmortem.allowedNextStates.map((status) => (
        <button
          key={status}
          type="button"
          disabled={busy}
          className={status === 'published' ? undefined : 'secondary'}
          onClick={() => void move(status)}
          data-testid={`postmortem-move-${status}`}
        >
          {t(`postmortems.move.${status}`)}
        </button>
      ))}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
