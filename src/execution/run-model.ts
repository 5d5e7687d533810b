import { Type, type Static } from 'typebox';
import { VerificationSchema, type Verification } from './verification/success-condition.js';
import { RunnerLabelsSchema, type RunnerLabels } from './jobs/runner-model.js';
import { describeSelector } from './jobs/runner-selector.js';

export const runStatuses = ['active', 'verified', 'failed', 'abandoned'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const executionStatuses = [
  'awaiting-approval',
  'refused',
  'queued',
  'running',
  'succeeded',
  'failed',
  'timed-out',
  'cancelled',
  'interrupted',
  'skipped',
  'done',
] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

/** Statuses after which an execution changes no more. */
export const finalExecutionStatuses: ReadonlySet<ExecutionStatus> = new Set([
  'refused',
  'succeeded',
  'failed',
  'timed-out',
  'cancelled',
  'interrupted',
  'skipped',
  'done',
]);

export const StepExecutionSchema = Type.Object(
  {
    id: Type.String(),
    stepId: Type.String(),
    attempt: Type.Integer(),
    status: Type.Enum(executionStatuses),
    commandPreview: Type.String({ description: 'the command as it runs, parameters filled, secrets masked' }),
    requestedAt: Type.String({ format: 'date-time' }),
    requestedBy: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    exitCode: Type.Union([Type.Integer(), Type.Null()]),
    durationMs: Type.Union([Type.Integer(), Type.Null()]),
    outputBytes: Type.Integer(),
    truncatedBytes: Type.Integer(),
    verification: Type.Union([VerificationSchema, Type.Null()], {
      description: 'the success condition and its verdict, for a step that has one',
    }),
    runner: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()], {
      description: 'the runner that took the step',
    }),
    runnerSelector: Type.Optional(RunnerLabelsSchema),
    waitingFor: Type.Union([Type.String(), Type.Null()], {
      description: 'for a queued step no connected runner may take: what it waits for ("a runner with env=prod")',
    }),
    endReason: Type.Union([Type.String(), Type.Null()], {
      description: 'why it ended without running to its end, when it did',
    }),
  },
  { title: 'StepExecution' },
);
export type StepExecution = Static<typeof StepExecutionSchema>;

export const RunSchema = Type.Object(
  {
    id: Type.String(),
    incidentId: Type.Union([Type.String(), Type.Null()]),
    runbookId: Type.String(),
    runbookVersion: Type.Integer(),
    status: Type.Enum(runStatuses),
    startedAt: Type.String({ format: 'date-time' }),
    startedBy: Type.String(),
    endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    executions: Type.Array(StepExecutionSchema),
  },
  { title: 'Run' },
);
export type Run = Static<typeof RunSchema>;

export interface RunRow {
  [column: string]: unknown;
  id: string;
  incident_id: string | null;
  runbook_id: string;
  runbook_version: number;
  status: RunStatus;
  started_at: Date;
  started_by_name: string;
  ended_at: Date | null;
}

export interface StepExecutionRow {
  [column: string]: unknown;
  id: string;
  run_id: string;
  step_id: string;
  attempt: number;
  status: ExecutionStatus;
  command_preview: string;
  requested_at: Date;
  requested_by_name: string;
  reason: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  exit_code: number | null;
  duration_ms: number | null;
  output_bytes: number;
  truncated_bytes: number;
  verification: Verification | null;
  runner_id?: string | null;
  runner_name?: string | null;
  runner_selector?: RunnerLabels;
  end_reason?: string | null;
  /** Computed by the selects that join the live runners (`noRunnerColumn`): queued and no runner may take it. */
  no_runner?: boolean;
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function toStepExecution(row: StepExecutionRow): StepExecution {
  return {
    id: row.id,
    stepId: row.step_id,
    attempt: row.attempt,
    status: row.status,
    commandPreview: row.command_preview,
    requestedAt: row.requested_at.toISOString(),
    requestedBy: row.requested_by_name,
    reason: row.reason,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    exitCode: row.exit_code,
    durationMs: row.duration_ms,
    outputBytes: row.output_bytes,
    truncatedBytes: row.truncated_bytes,
    verification: row.verification ?? null,
    runner:
      row.runner_id === undefined || row.runner_id === null ? null : { id: row.runner_id, name: row.runner_name ?? '' },
    ...(row.runner_selector === undefined ? {} : { runnerSelector: row.runner_selector }),
    waitingFor: row.no_runner === true ? describeSelector(row.runner_selector ?? {}) : null,
    endReason: row.end_reason ?? null,
  };
}

export function toRun(row: RunRow, executions: readonly StepExecutionRow[]): Run {
  return {
    id: row.id,
    incidentId: row.incident_id,
    runbookId: row.runbook_id,
    runbookVersion: row.runbook_version,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    startedBy: row.started_by_name,
    endedAt: iso(row.ended_at),
    executions: executions.map(toStepExecution),
  };
}
