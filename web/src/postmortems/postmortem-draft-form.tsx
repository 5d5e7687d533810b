import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { postmortemApiPath, type Postmortem } from './postmortem-types';
import { browserTimeZone } from './postmortem-time';

/**
 * Drafts (or, with `replace`, drafts again) an incident's post-mortem from its timeline, in a time
 * zone the person picks: the browser's by default, since that is where they read it.
 */
export function PostmortemDraftForm({
  incidentId,
  replace,
  onDrafted,
}: {
  incidentId: string;
  replace: boolean;
  onDrafted: (drafted: Postmortem) => void;
}) {
  const { t } = useI18n();
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDrafted(
        await api<Postmortem>('POST', postmortemApiPath(incidentId), {
          timeZone,
          ...(replace ? { replace: true } : {}),
        }),
      );
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="pm-draft form-row" onSubmit={(event) => void submit(event)} data-testid="postmortem-draft-form">
      <label className="grow">
        {t('postmortems.timeZone')}
        <input
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          required
          data-testid="postmortem-time-zone"
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        className={replace ? 'secondary' : undefined}
        data-testid="postmortem-draft"
      >
        {t(replace ? 'postmortems.redraft' : 'postmortems.draft')}
      </button>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
