import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { decideApproval, type StepExecution } from './runs-api';

/**
 * A second responder's decision on a destructive step. The command shown above the form is the
 * one that will run (parameters filled, secrets masked): the approver approves that, not the step
 * as written. A reason is required either way — it goes to the timeline.
 */
export function ApprovalForm({
  runId,
  execution,
  onDecided,
  label,
}: {
  runId: string;
  execution: StepExecution;
  onDecided: (execution: StepExecution) => void;
  /** The form's name when the page shows the same request twice (top of the page, runbooks panel). */
  label?: string;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();

  const decide = (decision: 'approve' | 'refuse') =>
    run(async () => onDecided(await decideApproval(runId, execution.id, decision, reason.trim())));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void decide('approve');
  };

  return (
    <form
      className="approval"
      onSubmit={submit}
      aria-label={label ?? t('runs.approvalTitle')}
      data-testid="approval-form"
    >
      <p className="approval-title">{t('runs.approvalAsk', { name: execution.requestedBy })}</p>
      <label>
        <span>{t('runs.approvalReason')}</span>
        <input
          required
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="approval-reason"
        />
      </label>
      <div className="form-row">
        <button type="submit" className="danger" disabled={busy || reason.trim() === ''} data-testid="approval-approve">
          {t('runs.approve')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || reason.trim() === ''}
          onClick={() => void decide('refuse')}
          data-testid="approval-refuse"
        >
          {t('runs.refuse')}
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
