import { useState } from 'react';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { endRun, type Run } from './runs-api';

const outcomes = ['verified', 'failed', 'abandoned'] as const;

/**
 * Ends a run: verified (the fix was checked), failed, or abandoned. A run whose verification steps
 * all pass ends as verified by itself; this is for the other endings, with a note for the record.
 */
export function RunEndForm({ run, onEnded }: { run: Run; onEnded: (run: Run) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const end = async (outcome: (typeof outcomes)[number]) => {
    setBusy(true);
    setError(null);
    try {
      onEnded(await endRun(run.id, outcome, note.trim()));
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="run-end">
      <summary>{t('runs.endRun')}</summary>
      <label>
        <span>{t('runs.endNote')}</span>
        <input maxLength={5000} value={note} onChange={(event) => setNote(event.target.value)} data-testid="run-end-note" />
      </label>
      <div className="form-row">
        {outcomes.map((outcome) => (
          <button key={outcome} type="button" className={outcome === 'verified' ? '' : 'secondary'} disabled={busy} onClick={() => void end(outcome)} data-testid={`run-end-${outcome}`}>
            {t(`runs.end.${outcome}`)}
          </button>
        ))}
      </div>
      {error !== null && <p className="error" role="alert">{error}</p>}
    </details>
  );
}
