import { useCallback, useEffect, useState } from 'react';
import './runs.css';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { RunView } from './run-view';
import { RunbookPicker } from './runbook-picker';
import {
  listIncidentRuns,
  listSuggestedRunbooks,
  startRun,
  type Run,
  type StepExecution,
  type SuggestedRunbook,
} from './runs-api';

/** Executions replaced by id, new ones appended: a streamed status never duplicates an attempt. */
function mergeExecutions(run: Run, changed: readonly StepExecution[]): Run {
  const executions = [...run.executions];
  for (const execution of changed) {
    const at = executions.findIndex((known) => known.id === execution.id);
    if (at === -1) executions.push(execution);
    else executions[at] = execution;
  }
  return { ...run, executions };
}

/**
 * The incident's runbooks: those its alerts suggested (best first) and any other one picked by
 * title, the runs started for it, and each run's steps to run, approve, check off or skip.
 * `changes` moves whenever the incident changed (its timeline grew: a step started, an approval
 * came from someone else): the runs are read again, so every responder's screen stays current.
 */
export function IncidentRunbooks({
  incidentId,
  open,
  responder,
  selfName,
  changes,
}: {
  incidentId: string;
  open: boolean;
  responder: boolean;
  selfName: string;
  changes: number;
}) {
  const { t } = useI18n();
  const [runs, setRuns] = useState<Run[]>([]);
  const [suggested, setSuggested] = useState<SuggestedRunbook[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [loadedRuns, loadedSuggestions] = await Promise.all([
        listIncidentRuns(incidentId),
        listSuggestedRunbooks(incidentId),
      ]);
      setRuns(loadedRuns);
      setSuggested(loadedSuggestions);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }, [incidentId, t]);
  useEffect(() => {
    void refresh();
  }, [refresh, changes]);

  const start = async (runbookId: string) => {
    setStarting(runbookId);
    setError(null);
    try {
      const run = await startRun(runbookId, incidentId);
      setRuns((current) => [run, ...current.filter((known) => known.id !== run.id)]);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setStarting(null);
    }
  };
  const updateRun = (runId: string, update: (run: Run) => Run) =>
    setRuns((current) => current.map((run) => (run.id === runId ? update(run) : run)));
  const activeRunbooks = new Set(runs.filter((run) => run.status === 'active').map((run) => run.runbookId));
  const canStart = responder && open;

  return (
    <section className="incident-runbooks" aria-labelledby="runbooks-heading" data-testid="incident-runbooks">
      <h2 id="runbooks-heading">{t('runs.title')}</h2>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {suggested.length === 0 ? (
        <p className="muted">{t('runs.noSuggestion')}</p>
      ) : (
        <ul className="suggested-runbooks">
          {suggested.map((suggestion) => (
            <li key={suggestion.runbookId} data-testid="suggested-runbook">
              <strong>{suggestion.title}</strong>{' '}
              <span className="muted">
                {suggestion.explicit
                  ? t('runs.namedByAlert')
                  : t('runs.matched', { terms: suggestion.matched.slice(0, 5).join(', ') })}
              </span>
              {canStart && !activeRunbooks.has(suggestion.runbookId) && (
                <button
                  type="button"
                  disabled={starting !== null}
                  onClick={() => void start(suggestion.runbookId)}
                  data-testid="start-run"
                >
                  {t('runs.start')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canStart && <RunbookPicker disabled={starting !== null} onPick={(runbookId) => void start(runbookId)} />}
      {runs.map((run) => (
        <RunView
          key={run.id}
          run={run}
          responder={responder}
          selfName={selfName}
          onExecutions={(executions) => updateRun(run.id, (known) => mergeExecutions(known, executions))}
          onRun={(ended) => updateRun(run.id, () => ended)}
        />
      ))}
    </section>
  );
}
