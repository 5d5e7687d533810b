import { useState } from 'react';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { endRun, type Run } from './runs-api';

const outcomes = ['verified', 'failed', 'abandoned'] as const;

/**
 * Ends a run: verified (the fix was checked), failed, or abandoned. A run whose verification steps
 * all pass ends as verified by itself; this is for the other endings, with a note for the record.
 */
export function RunEndForm({ run, onEnded }: { run: Run; onEnded: (run: Run) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { busy, error, run: call } = useAction();

  const end = (outcome: (typeof outcomes)[number]) =>
    call(async () => onEnded(await endRun(run.id, outcome, note.trim())));

  return (
    <details className="run-end">
      <summary>{t('runs.endRun')}</summary>
      <label>
        <span>{t('runs.endNote')}</span>
        <input
          maxLength={5000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          data-testid="run-end-note"
        />
      </label>
      <div className="form-row">
        {outcomes.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={outcome === 'verified' ? '' : 'secondary'}
            disabled={busy}
            onClick={() => void end(outcome)}
            data-testid={`run-end-${outcome}`}
          >
            {t(`runs.end.${outcome}`)}
          </button>
        ))}
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
