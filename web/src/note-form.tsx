import { useState, type FormEvent } from 'react';
import { api } from './api';
import { errorText } from './format';
import { useI18n } from './i18n';
import type { TimelineEvent } from './types';

/** Adds a note to the timeline: what someone saw, tried or decided, in their words. */
export function NoteForm({ incidentId, onAdded }: { incidentId: string; onAdded: (event: TimelineEvent) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setFeedback(null);
    try {
      const added = await api<TimelineEvent>('POST', `/api/v1/incidents/${encodeURIComponent(incidentId)}/notes`, { text: text.trim() });
      setText('');
      setFeedback({ ok: true, text: t('note.added') });
      onAdded(added);
    } catch (failure) {
      // The text stays in the box: nothing typed during an incident should be lost to an error.
      setFeedback({ ok: false, text: errorText(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="composer" onSubmit={(event) => void submit(event)} aria-labelledby="note-heading">
      <h2 id="note-heading">{t('note.title')}</h2>
      <label>
        <span>{t('note.text')}</span>
        <textarea required rows={3} maxLength={20_000} value={text} onChange={(event) => setText(event.target.value)} data-testid="note-text" />
      </label>
      <div className="form-row">
        <button type="submit" disabled={busy || text.trim() === ''} data-testid="note-submit">{t('note.submit')}</button>
      </div>
      {feedback !== null && (
        <p className={feedback.ok ? 'success' : 'error'} role={feedback.ok ? 'status' : 'alert'}>{feedback.text}</p>
      )}
    </form>
  );
}
