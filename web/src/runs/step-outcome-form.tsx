import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { recordOutcome, type Step, type StepExecution } from './runs-api';

/**
 * Checks off a manual step ("done", with what was done) or skips any step (with why). The note is
 * required: it is what the timeline and the post-mortem will say about this step.
 */
export function StepOutcomeForm({
  runId,
  step,
  onRecorded,
}: {
  runId: string;
  step: Step;
  onRecorded: (execution: StepExecution) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const manual = step.kind === 'manual';

  const record = (outcome: 'done' | 'skipped') =>
    run(async () => {
      onRecorded(await recordOutcome(runId, step.id, outcome, note.trim()));
      setNote('');
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void record(manual ? 'done' : 'skipped');
  };

  return (
    <form className="step-outcome" onSubmit={submit} aria-label={t(manual ? 'runs.checkOff' : 'runs.skip')}>
      <label>
        <span>{t(manual ? 'runs.doneNote' : 'runs.skipNote')}</span>
        <input
          maxLength={5000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          data-testid="outcome-note"
        />
      </label>
      <div className="form-row">
        {manual && (
          <button type="submit" disabled={busy || note.trim() === ''} data-testid="outcome-done">
            {t('runs.markDone')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          disabled={busy || note.trim() === ''}
          onClick={() => void record('skipped')}
          data-testid="outcome-skip"
        >
          {t('runs.skip')}
        </button>
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
