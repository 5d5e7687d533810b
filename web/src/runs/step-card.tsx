import { useI18n } from '../i18n';
import { ExecutionView } from './execution-view';
import { isRunnable, type Step, type StepExecution } from './runs-api';
import { StepOutcomeForm } from './step-outcome-form';
import { StepRunForm } from './step-run-form';

/** The risk in words and colour, with what made it so (`FLUSHALL deletes every key`). */
function RiskBadge({ step }: { step: Step }) {
  const { t } = useI18n();
  const why = step.riskReasons.map((reason) => `${reason.command}: ${reason.reason}`).join('\n');
  return (
    <span className={`risk risk-${step.risk}`} title={why === '' ? undefined : why} data-testid="step-risk">
      {t(`runs.risk.${step.risk}`)}
    </span>
  );
}

/**
 * One step of a run: what it says (code or prose), its risk, every attempt at it (the latest
 * first, its output live), and — for responders while the run is active — how to run it, check
 * it off or skip it.
 */
export function StepCard({
  runId,
  step,
  executions,
  active,
  responder,
  selfName,
  values,
  onValue,
  onExecution,
}: {
  runId: string;
  step: Step;
  executions: readonly StepExecution[];
  active: boolean;
  responder: boolean;
  selfName: string;
  values: Record<string, string>;
  onValue: (name: string, value: string) => void;
  onExecution: (execution: StepExecution) => void;
}) {
  const { t } = useI18n();
  const [latest, ...older] = [...executions].reverse();
  return (
    <li className={`step step-${step.risk}`} data-testid="run-step" data-step-id={step.id}>
      <div className="step-head">
        <h4>{step.title ?? t('runs.untitledStep', { id: step.id })}</h4>
        {step.kind === 'manual' ? (
          <span className="risk risk-manual">{t('runs.manual')}</span>
        ) : (
          <RiskBadge step={step} />
        )}
      </div>
      {step.kind === 'manual' ? (
        <p className="step-prose">{step.body}</p>
      ) : (
        <pre className="step-code">
          <code>{step.body}</code>
        </pre>
      )}
      {latest !== undefined && (
        <ExecutionView
          runId={runId}
          execution={latest}
          responder={responder}
          selfName={selfName}
          onChanged={onExecution}
        />
      )}
      {older.length > 0 && (
        <details className="older-executions">
          <summary>{t('runs.olderAttempts', { count: older.length })}</summary>
          {older.map((execution) => (
            <ExecutionView
              key={execution.id}
              runId={runId}
              execution={execution}
              responder={responder}
              selfName={selfName}
              onChanged={onExecution}
            />
          ))}
        </details>
      )}
      {responder && active && (
        <div className="step-controls">
          {isRunnable(step) && (
            <StepRunForm runId={runId} step={step} values={values} onValue={onValue} onStarted={onExecution} />
          )}
          {step.kind === 'manual' ? (
            <StepOutcomeForm runId={runId} step={step} onRecorded={onExecution} />
          ) : (
            <details>
              <summary>{t('runs.skipStep')}</summary>
              <StepOutcomeForm runId={runId} step={step} onRecorded={onExecution} />
            </details>
          )}
        </div>
      )}
    </li>
  );
}
