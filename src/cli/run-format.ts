import type { Run, StepExecution } from '../execution/run-model.js';
import type { RunbookDetail } from '../runbooks/runbook-api-model.js';
import type { Step } from '../runbooks/runbook-model.js';
import { shortTime } from './cli-io.js';
import { formatFields, formatTable } from './format-table.js';

/** A step as `run start` lists it: the runbook step and the section it belongs to. */
export type ListedStep = Step & { section: string };

/** The steps of a runbook version, in order, each with its section's title. */
export function stepsOf(runbook: RunbookDetail): ListedStep[] {
  return runbook.structure.sections.flatMap((section) =>
    section.steps.map((step) => ({ ...step, section: section.title })),
  );
}

/** `run start`: what was started, then the steps with their risk and parameters, then what to type next. */
export function formatStartedRun(run: Run, runbook: RunbookDetail, steps: ListedStep[]): string[] {
  const where = run.incidentId === null ? 'rehearsal, no incident' : `incident ${run.incidentId}`;
  const lines = [`Started run ${run.id}`, `  ${runbook.id} v${run.runbookVersion} "${runbook.title}" (${where})`, ''];
  if (steps.length === 0) return [...lines, 'This runbook has no steps.'];
  lines.push(
    formatTable(
      ['STEP', 'KIND', 'RISK', 'PARAMETERS', 'SECTION', 'TITLE'],
      steps.map((step) => [
        step.id,
        step.kind,
        step.kind === 'command' ? step.risk : '-',
        parameterList(step),
        step.section,
        step.title ?? firstLine(step.body),
      ]),
      { maxWidths: [undefined, undefined, undefined, 40, 24, 70] },
    ),
  );
  const first = steps.find((step) => step.kind === 'command');
  if (first !== undefined) {
    const params = first.parameters
      .map((p) => (p.secret ? ` --param-env ${p.name}=ENV_VAR` : ` --param ${p.name}=…`))
      .join('');
    lines.push('', `Next: astreinte run step ${run.id} ${first.id}${params}`);
  }
  return lines;
}

/** `run show`: the run's fields, then one row per step execution. */
export function formatRun(run: Run): string[] {
  const fields = formatFields([
    ['Run', run.id],
    ['Runbook', `${run.runbookId} v${run.runbookVersion}`],
    ['Incident', run.incidentId ?? '- (rehearsal)'],
    ['Status', run.status],
    ['Started', `${shortTime(run.startedAt)} by ${run.startedBy}`],
    ['Ended', shortTime(run.endedAt)],
  ]);
  if (run.executions.length === 0) return [fields, '', 'No step has run yet.'];
  const table = formatTable(
    ['EXECUTION', 'STEP', 'ATTEMPT', 'STATUS', 'EXIT', 'DURATION', 'REQUESTED BY', 'RUNNER', 'COMMAND'],
    run.executions.map((e) => [
      e.id,
      e.stepId,
      String(e.attempt),
      e.status,
      e.exitCode === null ? '-' : String(e.exitCode),
      formatDuration(e.durationMs),
      e.requestedBy,
      e.runner?.name ?? '-',
      e.commandPreview,
    ]),
    { maxWidths: [undefined, undefined, undefined, undefined, undefined, undefined, 24, 24, 60] },
  );
  // What a step waits for, or why it ended early, under the table: too long for a column.
  const notes = run.executions.flatMap((e) => {
    if (e.waitingFor !== null) return [`${e.id} (${e.stepId}): waiting for ${e.waitingFor}`];
    return e.endReason === null ? [] : [`${e.id} (${e.stepId}): ${e.endReason}`];
  });
  return [fields, '', table, ...(notes.length === 0 ? [] : ['', ...notes])];
}

/** The end of an execution in one line: `s1 attempt 1 succeeded (exit 0) in 1.2 s on runner local (host)`. */
export function formatOutcome(
  execution: Pick<StepExecution, 'stepId' | 'attempt' | 'status' | 'exitCode' | 'durationMs'> &
    Partial<Pick<StepExecution, 'runner' | 'endReason'>>,
): string {
  const exit = execution.exitCode === null ? '' : ` (exit ${execution.exitCode})`;
  const took = execution.durationMs === null ? '' : ` in ${formatDuration(execution.durationMs)}`;
  const where =
    execution.runner === undefined || execution.runner === null ? '' : ` on runner ${execution.runner.name}`;
  const why = execution.endReason === undefined || execution.endReason === null ? '' : `: ${execution.endReason}`;
  return `${execution.stepId} attempt ${execution.attempt} ${execution.status}${exit}${took}${where}${why}`;
}

/** Milliseconds as `850 ms`, `1.2 s`, `3 min 05 s`, or `-` for none. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

function parameterList(step: Step): string {
  if (step.parameters.length === 0) return '-';
  return step.parameters.map((p) => (p.secret ? `${p.name} (secret)` : p.name)).join(', ');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
