import { useState } from 'react';
import { errorText, formatTime } from '../format';
import { useI18n, type Translate } from '../i18n';
import { ApprovalForm } from './approval-form';
import { cancelExecution, finalStatuses, type StepExecution } from './runs-api';
import { useExecutionOutput } from './use-execution-output';

/**
 * What a queued step waits for, in the reader's language: the server's `waitingFor` is English,
 * so the labels it needs are read from its selector, the server's words kept only as a fallback.
 */
function waitingText(execution: StepExecution, t: Translate): string | null {
  if (execution.waitingFor === null) return null;
  if (execution.runnerSelector === undefined) return t('runs.waitingFor', { what: execution.waitingFor });
  const labels = Object.entries(execution.runnerSelector).map(([name, value]) => `${name}=${value}`);
  return labels.length === 0 ? t('runs.waitingForAny') : t('runs.waitingForLabels', { labels: labels.join(', ') });
}

/**
 * One attempt at a step: its status, the runner that took it (or what it waits for, or why it
 * ended early), the command exactly as it ran (secrets masked), who asked and why, the success
 * verdict, and the output — live while it runs. Responders can cancel a running step; a
 * destructive one waiting for approval shows the approval form to the others.
 */
export function ExecutionView({
  runId,
  execution,
  responder,
  selfName,
  onChanged,
}: {
  runId: string;
  execution: StepExecution;
  responder: boolean;
  /** The signed-in person's name, to say "waiting for someone else" on their own request. */
  selfName: string;
  onChanged: (execution: StepExecution) => void;
}) {
  const { language, t } = useI18n();
  const { chunks, error } = useExecutionOutput(runId, execution, onChanged);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const running = execution.status === 'queued' || execution.status === 'running';
  const waiting = execution.status === 'queued' ? waitingText(execution, t) : null;

  const cancel = async () => {
    setCancelError(null);
    try {
      onChanged(await cancelExecution(runId, execution.id));
    } catch (failure) {
      setCancelError(errorText(failure, t));
    }
  };

  return (
    <div className={`execution execution-${execution.status}`} data-testid="execution" data-status={execution.status}>
      <p className="execution-head">
        <span className="execution-status" data-testid="execution-status">
          {t(`runs.status.${execution.status}`)}
        </span>
        {' · '}
        {t('runs.requestedBy', { name: execution.requestedBy, time: formatTime(execution.requestedAt, language) })}
        {execution.runner !== null && (
          <>
            {' '}
            · <span data-testid="execution-runner">{t('runs.onRunner', { name: execution.runner.name })}</span>
          </>
        )}
        {execution.exitCode !== null && <> · {t('runs.exitCode', { code: execution.exitCode })}</>}
        {execution.durationMs !== null && (
          <> · {t('runs.duration', { seconds: (execution.durationMs / 1000).toFixed(1) })}</>
        )}
      </p>
      {waiting !== null && (
        <p className="execution-waiting" data-testid="execution-waiting">
          {waiting}
        </p>
      )}
      {execution.endReason !== null && (
        <p className="execution-end-reason" data-testid="execution-end-reason">
          {t('runs.endReason', { reason: execution.endReason })}
        </p>
      )}
      {execution.reason !== null && (
        <p className="execution-reason">{t('runs.reason', { reason: execution.reason })}</p>
      )}
      {execution.commandPreview !== '' && (
        <pre className="command-preview" aria-label={t('runs.commandAsRun')}>
          <code>{execution.commandPreview}</code>
        </pre>
      )}
      {execution.verification !== null && (
        <p className={execution.verification.passed ? 'verdict-pass' : 'verdict-fail'} data-testid="execution-verdict">
          {execution.verification.passed ? '✓ ' : '✗ '}
          {execution.verification.detail}
        </p>
      )}
      {chunks.length > 0 && (
        <pre
          className="step-output"
          role="log"
          aria-live="polite"
          aria-label={t('runs.output')}
          data-testid="execution-output"
        >
          {chunks.map((chunk) => (
            <span key={chunk.seq} className={`output-${chunk.stream}`}>
              {chunk.text}
            </span>
          ))}
        </pre>
      )}
      {execution.truncatedBytes > 0 && (
        <p className="muted">{t('runs.truncated', { bytes: execution.truncatedBytes })}</p>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {execution.status === 'awaiting-approval' &&
        (responder && execution.requestedBy !== selfName ? (
          <ApprovalForm runId={runId} execution={execution} onDecided={onChanged} />
        ) : (
          <p className="awaiting" data-testid="awaiting-approval">
            {t('runs.awaitingSomeoneElse')}
          </p>
        ))}
      {responder && running && !finalStatuses.has(execution.status) && (
        <button type="button" className="secondary" onClick={() => void cancel()} data-testid="execution-cancel">
          {t('runs.cancel')}
        </button>
      )}
      {cancelError !== null && (
        <p className="error" role="alert">
          {cancelError}
        </p>
      )}
    </div>
  );
}
