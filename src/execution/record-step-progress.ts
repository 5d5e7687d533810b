import type { Ctx } from '../core/context.js';
import { appendIncidentEvent, appendIncidentEvents } from '../incidents/append-incident-event.js';
import type { NewTimelineEvent } from '../incidents/timeline-events.js';
import type { Queryable } from '../storage/database.js';
import type { StepResult } from './jobs/step-job-payload.js';
import type { ExecutionStatus } from './run-model.js';
import type { Verification } from './verification/success-condition.js';

/** A piece of redacted output, ready to store. */
export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
  at: Date;
}

/** The step execution a record is about. */
export interface ExecutionRef {
  executionId: string;
  incidentId: string | null;
  stepId: string;
}

const insertOutput = `
  INSERT INTO step_output (execution_id, seq, stream, at, text)
  SELECT $1, COALESCE((SELECT max(seq) FROM step_output WHERE execution_id = $1), -1) + ordinality, stream, at, text
    FROM unnest($2::text[], $3::timestamptz[], $4::text[]) WITH ORDINALITY AS o(stream, at, text)`;

const markFinished = `
  UPDATE step_executions
     SET status = $2, finished_at = $3, exit_code = $4, duration_ms = $5, output_bytes = $6, truncated_bytes = $7, verification = $8,
         end_reason = $9
   WHERE id = $1 AND status IN ('queued', 'running')`;

/** Output's event for an incident's timeline, appended with others of the same transaction in one statement. */
export type PendingEvent = Extract<NewTimelineEvent, { type: 'step_output' }>;

/**
 * Stores a batch of output; returns, for a run within an incident, the timeline event that shows
 * it (responders follow the step while it runs rather than only at its end) for the caller to
 * append — alone, or with the step's end when the output came with it.
 */
export async function storeStepOutput(
  db: Queryable,
  ref: ExecutionRef,
  lines: readonly OutputLine[],
): Promise<PendingEvent | null> {
  await db.query(insertOutput, [
    ref.executionId,
    lines.map((l) => l.stream),
    lines.map((l) => l.at),
    lines.map((l) => l.text),
  ]);
  if (ref.incidentId === null) return null;
  return {
    type: 'step_output',
    payload: {
      executionId: ref.executionId,
      stepId: ref.stepId,
      output: lines.map((line) => ({ stream: line.stream, text: line.text })),
    },
  };
}

/** How a step that never ran ends (cancelled in the queue, not taken in time, not preparable). */
export function endedBeforeRunning(outcome: 'cancelled' | 'failed-to-start', error: string | null = null): StepResult {
  return {
    outcome,
    exitCode: null,
    signal: null,
    durationMs: 0,
    error,
    stdoutBytes: 0,
    stderrBytes: 0,
    truncatedBytes: 0,
  };
}

export function statusOf(
  result: Pick<StepResult, 'outcome' | 'exitCode'>,
  verification: Verification | null,
): ExecutionStatus {
  switch (result.outcome) {
    case 'timed-out':
      return 'timed-out';
    case 'cancelled':
      return 'cancelled';
    case 'failed-to-start':
      return 'failed';
    default:
      if (verification !== null) return verification.passed ? 'succeeded' : 'failed';
      return result.exitCode === 0 ? 'succeeded' : 'failed';
  }
}

/**
 * Records how a step ended, in the execution row and the incident's timeline (after `after`, the
 * event of output stored with the end, in the same statement), within the caller's transaction. With a success condition, its verdict decides between succeeded and failed,
 * whatever the exit status alone says. Returns null when the step had already ended.
 */
export async function recordStepFinished(
  ctx: Ctx,
  ref: ExecutionRef,
  result: StepResult,
  extra: {
    verification?: Verification | null;
    runner?: string | null;
    reason?: string | null;
    after?: PendingEvent | null;
  } = {},
): Promise<ExecutionStatus | null> {
  const verification = extra.verification ?? null;
  const status = statusOf(result, verification);
  const changed = await ctx.db.query(markFinished, [
    ref.executionId,
    status,
    ctx.now(),
    result.exitCode,
    result.durationMs,
    result.stdoutBytes + result.stderrBytes,
    result.truncatedBytes,
    verification === null ? null : JSON.stringify(verification),
    extra.reason ?? result.error ?? null,
  ]);
  if (changed.rowCount === 0) return null;
  if (ref.incidentId === null) return status;
  const finished: NewTimelineEvent = {
    type: 'step_finished',
    payload: {
      executionId: ref.executionId,
      stepId: ref.stepId,
      status,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      ...(result.error === null ? {} : { error: result.error }),
      ...(extra.reason === undefined || extra.reason === null ? {} : { reason: extra.reason }),
      ...(extra.runner === undefined || extra.runner === null ? {} : { runner: extra.runner }),
      ...(verification === null ? {} : { verification: { passed: verification.passed, detail: verification.detail } }),
    },
  };
  await appendIncidentEvents(
    ctx,
    ref.incidentId,
    extra.after === undefined || extra.after === null ? [finished] : [extra.after, finished],
  );
  return status;
}

const markSkipped = `
  UPDATE step_executions SET status = 'skipped', reason = 'an earlier step of the section did not succeed', finished_at = $2
   WHERE id = ANY($1::uuid[]) AND status = 'queued'
  RETURNING id, step_id`;

/** Skips the steps left in a chain after one did not succeed, and says so in the timeline. */
export async function skipChained(ctx: Ctx, incidentId: string | null, executionIds: readonly string[]): Promise<void> {
  if (executionIds.length === 0) return;
  const { rows } = await ctx.db.query<{ id: string; step_id: string }>(markSkipped, [executionIds, ctx.now()]);
  if (incidentId === null || rows.length === 0) return;
  await appendIncidentEvent(ctx, incidentId, {
    type: 'steps_skipped',
    payload: {
      executionIds: rows.map((row) => row.id),
      stepIds: rows.map((row) => row.step_id),
      reason: 'an earlier step did not succeed',
    },
  });
}
