import { useEffect, useState } from 'react';
import { errorText, formatTime } from '../format';
import { useI18n } from '../i18n';
import { RunEndForm } from './run-end-form';
import {
  isRunnable,
  loadRunbookVersion,
  runReadOnlySection,
  type Run,
  type RunbookDetail,
  type StepExecution,
} from './runs-api';
import { StepCard } from './step-card';

/**
 * One run of a runbook in the incident: the runbook as it was at the run's version, section by
 * section, each step with its attempts. Parameter values typed once serve every step of the run.
 */
export function RunView({
  run,
  responder,
  selfName,
  onExecutions,
  onRun,
}: {
  run: Run;
  responder: boolean;
  selfName: string;
  onExecutions: (executions: readonly StepExecution[]) => void;
  onRun: (run: Run) => void;
}) {
  const { language, t } = useI18n();
  const [runbook, setRunbook] = useState<RunbookDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const active = run.status === 'active';

  useEffect(() => {
    let cancelled = false;
    loadRunbookVersion(run.runbookId, run.runbookVersion)
      .then((loaded) => !cancelled && setRunbook(loaded))
      .catch((failure: unknown) => !cancelled && setError(errorText(failure, t)));
    return () => {
      cancelled = true;
    };
  }, [run.runbookId, run.runbookVersion, t]);

  const runSection = async (section: number) => {
    setError(null);
    try {
      onExecutions(await runReadOnlySection(run.id, section, values));
    } catch (failure) {
      setError(errorText(failure, t));
    }
  };
  const setValue = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));

  return (
    <section
      className={`run run-${run.status}`}
      aria-labelledby={`run-${run.id}`}
      data-testid="run"
      data-run-id={run.id}
    >
      <h3 id={`run-${run.id}`}>
        {runbook?.title ?? run.runbookId} <span className="muted">v{run.runbookVersion}</span>{' '}
        <span className={`run-status run-status-${run.status}`} data-testid="run-status">
          {t(`runs.runStatus.${run.status}`)}
        </span>
      </h3>
      <p className="muted">{t('runs.startedBy', { name: run.startedBy, time: formatTime(run.startedAt, language) })}</p>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {runbook === null
        ? error === null && <p>{t('app.loading')}</p>
        : runbook.structure.sections.map((section, index) =>
            section.steps.length === 0 ? null : (
              <section
                key={index}
                className="run-section"
                aria-label={section.title}
                data-testid="run-section"
                data-section-kind={section.kind}
              >
                <div className="run-section-head">
                  <h4 className="section-title">{section.title}</h4>
                  {responder &&
                    active &&
                    section.steps.some((step) => isRunnable(step) && step.risk === 'read-only') && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void runSection(index)}
                        data-testid="section-run-read-only"
                      >
                        {t('runs.runReadOnly')}
                      </button>
                    )}
                </div>
                <ol className="steps">
                  {section.steps.map((step) => (
                    <StepCard
                      key={step.id}
                      runId={run.id}
                      step={step}
                      executions={run.executions.filter((execution) => execution.stepId === step.id)}
                      active={active}
                      responder={responder}
                      selfName={selfName}
                      values={values}
                      onValue={setValue}
                      onExecution={(execution) => onExecutions([execution])}
                    />
                  ))}
                </ol>
              </section>
            ),
          )}
      {responder && active && <RunEndForm run={run} onEnded={onRun} />}
    </section>
  );
}
