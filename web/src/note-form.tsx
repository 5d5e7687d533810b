import { useState, type FormEvent } from 'react';
import { api } from './api';
import { useI18n } from './i18n';
import { useAction } from './use-action';
import type { TimelineEvent } from './types';

/** Adds a note to the timeline: what someone saw, tried or decided, in their words. */
export function NoteForm({ incidentId, onAdded }: { incidentId: string; onAdded: (event: TimelineEvent) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    // On failure the text stays in the box: nothing typed during an incident should be lost to an error.
    void run(async () => {
      const added = await api<TimelineEvent>('POST', `/api/v1/incidents/${encodeURIComponent(incidentId)}/notes`, {
        text: text.trim(),
      });
      setText('');
      setDone(true);
      onAdded(added);
    });
  };

  return (
    <form className="composer" onSubmit={submit} aria-labelledby="note-heading">
      <h2 id="note-heading">{t('note.title')}</h2>
      <label>
        <span>{t('note.text')}</span>
        <textarea
          required
          rows={3}
          maxLength={20_000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-testid="note-text"
        />
      </label>
      <div className="form-row">
        <button type="submit" disabled={busy || text.trim() === ''} data-testid="note-submit">
          {t('note.submit')}
        </button>
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && error === null && (
        <p className="success" role="status">
          {t('note.added')}
        </p>
      )}
    </form>
  );
}
