import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { executeStep, type StepExecution, type Step } from './runs-api';

/**
 * Runs one command step. Its parameters are filled here (values are shared by the run's steps: a
 * task id typed once serves every step that names it); what else is asked depends on the risk:
 * nothing for a read-only step, an explicit confirmation for a changing one, a reason for a
 * destructive one — which then waits for a second responder. "Preview" shows the command as it
 * would run, without running it.
 */
export function StepRunForm({
  runId,
  step,
  values,
  onValue,
  onStarted,
}: {
  runId: string;
  step: Step;
  values: Record<string, string>;
  onValue: (name: string, value: string) => void;
  onStarted: (execution: StepExecution) => void;
}) {
  const { t } = useI18n();
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run: call } = useAction();
  const [preview, setPreview] = useState<string | null>(null);
  const parameters = Object.fromEntries(
    step.parameters.map((parameter) => [parameter.name, values[parameter.name] ?? '']),
  );
  const names = [...new Set(step.parameters.map((parameter) => parameter.name))];

  const run = (dryRun: boolean) =>
    call(async () => {
      const result = await executeStep(runId, step.id, {
        parameters,
        dryRun,
        ...(step.risk === 'changing' ? { confirm } : {}),
        ...(step.risk === 'destructive' ? { confirm: true, reason: reason.trim() } : {}),
      });
      setPreview(dryRun ? result.preview : null);
      if (result.execution !== null) {
        setConfirm(false);
        setReason('');
        onStarted(result.execution);
      }
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(false);
  };
  const blocked =
    busy || (step.risk === 'changing' && !confirm) || (step.risk === 'destructive' && reason.trim() === '');

  return (
    <form className="step-run" onSubmit={submit} aria-label={t('runs.runStep', { step: step.title ?? step.id })}>
      {names.map((name) => {
        const secret = step.parameters.some((parameter) => parameter.name === name && parameter.secret);
        return (
          <label key={name}>
            <span>
              {name}
              {secret && <span className="muted"> — {t('runs.secretHint')}</span>}
            </span>
            <input
              type={secret ? 'password' : 'text'}
              autoComplete="off"
              value={values[name] ?? ''}
              onChange={(event) => onValue(name, event.target.value)}
              data-testid={`parameter-${name}`}
            />
          </label>
        );
      })}
      {step.risk === 'changing' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={confirm}
            onChange={(event) => setConfirm(event.target.checked)}
            data-testid="step-confirm"
          />
          <span>{t('runs.confirmChange')}</span>
        </label>
      )}
      {step.risk === 'destructive' && (
        <label>
          <span>{t('runs.destructiveReason')}</span>
          <input
            required
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="step-reason"
          />
        </label>
      )}
      <div className="form-row">
        <button
          type="submit"
          className={step.risk === 'destructive' ? 'danger' : ''}
          disabled={blocked}
          data-testid="step-run"
        >
          {t(step.risk === 'destructive' ? 'runs.requestApproval' : 'runs.run')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(true)}
          data-testid="step-preview"
        >
          {t('runs.preview')}
        </button>
      </div>
      {preview !== null && (
        <pre className="command-preview" data-testid="step-preview-text">
          <code>{preview}</code>
        </pre>
      )}
      {error !== null && (
        <p className="error" role="alert" data-testid="step-error">
          {error}
        </p>
      )}
    </form>
  );
}
