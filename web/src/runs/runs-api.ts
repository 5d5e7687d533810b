/**
 * The runs API as the incident page uses it: the shapes are the server's own (type-only imports,
 * erased from the bundle), the calls go through `api()` (session cookie, CSRF token).
 */
import { api, withQuery } from '../api';
import type { Run, StepExecution } from '../../../src/execution/run-model.js';
import type { RunbookDetail } from '../../../src/runbooks/runbook-api-model.js';
import type { Step } from '../../../src/runbooks/runbook-model.js';
import type { SuggestedRunbook } from '../../../src/alerts/list-incident-runbooks.js';

export type { Run, RunbookDetail, Step, StepExecution, SuggestedRunbook };

/** One chunk of a step's output, as `GET …/output` and the event stream give it. */
export interface OutputChunk {
  seq: number;
  stream: 'stdout' | 'stderr' | 'system';
  at: string;
  text: string;
}

/** What `POST …/execute` answers: the execution (null for a dry run) and the command as it runs. */
export interface ExecuteResult {
  execution: StepExecution | null;
  preview: string;
}

/** How a step is asked to run; values for its parameters, and what its risk requires. */
export interface ExecuteRequest {
  parameters: Record<string, string>;
  confirm?: boolean;
  reason?: string;
  dryRun?: boolean;
}

const runPath = (runId: string): string => `/api/v1/runs/${encodeURIComponent(runId)}`;

export const listIncidentRuns = (incidentId: string): Promise<Run[]> =>
  api<Run[]>('GET', withQuery('/api/v1/runs', { incidentId }));

export const listSuggestedRunbooks = (incidentId: string): Promise<SuggestedRunbook[]> =>
  api<SuggestedRunbook[]>('GET', `/api/v1/incidents/${encodeURIComponent(incidentId)}/runbooks`);

export const loadRunbookVersion = (runbookId: string, version: number): Promise<RunbookDetail> =>
  api<RunbookDetail>('GET', withQuery(`/api/v1/runbooks/${encodeURIComponent(runbookId)}`, { version }));

export const startRun = (runbookId: string, incidentId: string): Promise<Run> =>
  api<Run>('POST', '/api/v1/runs', { runbookId, incidentId });

export const executeStep = (runId: string, stepId: string, request: ExecuteRequest): Promise<ExecuteResult> =>
  api<ExecuteResult>('POST', `${runPath(runId)}/steps/${encodeURIComponent(stepId)}/execute`, request);

export const runReadOnlySection = (
  runId: string,
  section: number,
  parameters: Record<string, string>,
): Promise<StepExecution[]> =>
  api<StepExecution[]>('POST', `${runPath(runId)}/sections/run-read-only`, { section, parameters });

export const decideApproval = (
  runId: string,
  executionId: string,
  decision: 'approve' | 'refuse',
  reason: string,
): Promise<StepExecution> =>
  api<StepExecution>('POST', `${runPath(runId)}/executions/${encodeURIComponent(executionId)}/approval`, {
    decision,
    reason,
  });

export const recordOutcome = (
  runId: string,
  stepId: string,
  outcome: 'done' | 'skipped',
  note: string,
): Promise<StepExecution> =>
  api<StepExecution>('POST', `${runPath(runId)}/steps/${encodeURIComponent(stepId)}/outcome`, { outcome, note });

export const cancelExecution = (runId: string, executionId: string): Promise<StepExecution> =>
  api<StepExecution>('POST', `${runPath(runId)}/executions/${encodeURIComponent(executionId)}/cancel`);

export const endRun = (runId: string, outcome: 'verified' | 'failed' | 'abandoned', note: string): Promise<Run> =>
  api<Run>('POST', `${runPath(runId)}/end`, note === '' ? { outcome } : { outcome, note });

export const listOutput = (runId: string, executionId: string): Promise<OutputChunk[]> =>
  api<OutputChunk[]>('GET', `${runPath(runId)}/executions/${encodeURIComponent(executionId)}/output`);

/** The URL of an execution's live output (Server-Sent Events). */
export const executionEventsUrl = (runId: string, executionId: string): string =>
  `${runPath(runId)}/executions/${encodeURIComponent(executionId)}/events`;

/** Statuses after which an execution changes no more (the server's `finalExecutionStatuses`). */
export const finalStatuses: ReadonlySet<StepExecution['status']> = new Set([
  'refused',
  'succeeded',
  'failed',
  'timed-out',
  'cancelled',
  'interrupted',
  'skipped',
  'done',
]);

/** Steps the console can run: shell and SQL code (configuration blocks are read, not run). */
export function isRunnable(step: Step): boolean {
  return step.kind === 'command';
}
