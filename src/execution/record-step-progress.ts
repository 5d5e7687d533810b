import { systemActor } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import type { Database } from '../storage/database.js';
import type { ShellProcessResult } from './process/run-shell-process.js';
import type { ExecutionStatus } from './run-model.js';
import type { StepJob } from './step-job.js';
import type { Verification } from './verification/success-condition.js';

/** A piece of redacted output, ready to store. */
export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
  at: Date;
}

const markRunning = `UPDATE step_executions SET status = 'running', started_at = $2, node_id = $3, heartbeat_at = $2 WHERE id = $1 AND status = 'queued'`;

const insertOutput = `
  INSERT INTO step_output (execution_id, seq, stream, at, text)
  SELECT $1, COALESCE((SELECT max(seq) FROM step_output WHERE execution_id = $1), -1) + ordinality, stream, at, text
    FROM unnest($2::text[], $3::timestamptz[], $4::text[]) WITH ORDINALITY AS o(stream, at, text)`;

const markFinished = `
  UPDATE step_executions
     SET status = $2, finished_at = $3, exit_code = $4, duration_ms = $5, output_bytes = $6, truncated_bytes = $7, verification = $8
   WHERE id = $1 AND status IN ('queued', 'running')`;

function systemCtx(db: Database | Ctx['db']): Ctx {
  return { actor: systemActor, requestId: 'step-runner', db, now: () => new Date() };
}

export async function recordStepStarted(db: Database, job: StepJob, nodeId: string): Promise<void> {
  await db.query(markRunning, [job.executionId, new Date(), nodeId]);
}

/**
 * Stores a batch of output and, for a run within an incident, adds it to the timeline as one
 * event, so responders follow the step while it runs rather than only at its end.
 */
export async function recordStepOutput(db: Database, job: StepJob, lines: readonly OutputLine[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(insertOutput, [job.executionId, lines.map((l) => l.stream), lines.map((l) => l.at), lines.map((l) => l.text)]);
    if (job.incidentId === null) return;
    const ctx = systemCtx(tx);
    await lockIncidentRow(ctx, job.incidentId);
    await appendIncidentEvent(ctx, job.incidentId, 'step_output', {
      executionId: job.executionId,
      stepId: job.stepId,
      output: lines.map((line) => ({ stream: line.stream, text: line.text })),
    });
  });
}

function statusOf(result: ShellProcessResult, verification: Verification | null): ExecutionStatus {
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
 * Records how a step ended, in the execution row and the incident's timeline. With a success
 * condition, its verdict decides between succeeded and failed, whatever the exit status alone says.
 */
export async function recordStepFinished(db: Database, job: StepJob, result: ShellProcessResult, verification: Verification | null = null): Promise<ExecutionStatus> {
  const status = statusOf(result, verification);
  await db.transaction(async (tx) => {
    const changed = await tx.query(markFinished, [
      job.executionId, status, new Date(), result.exitCode, result.durationMs, result.stdoutBytes + result.stderrBytes, result.truncatedBytes,
      verification === null ? null : JSON.stringify(verification),
    ]);
    if (changed.rowCount === 0 || job.incidentId === null) return;
    const ctx = systemCtx(tx);
    await lockIncidentRow(ctx, job.incidentId);
    await appendIncidentEvent(ctx, job.incidentId, 'step_finished', {
      executionId: job.executionId, stepId: job.stepId, status, exitCode: result.exitCode, durationMs: result.durationMs,
      ...(result.error === null ? {} : { error: result.error }),
      ...(verification === null ? {} : { verification: { passed: verification.passed, detail: verification.detail } }),
    });
  });
  return status;
}

const markSkipped = `
  UPDATE step_executions SET status = 'skipped', reason = 'an earlier step of the section did not succeed', finished_at = $2
   WHERE id = ANY($1::uuid[]) AND status = 'queued'`;

/** Skips the steps left in a chain after one failed, and says so in the timeline. */
export async function skipChained(db: Database, jobs: readonly StepJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query(markSkipped, [jobs.map((job) => job.executionId), new Date()]);
    const incidentId = jobs[0]!.incidentId;
    if (incidentId === null) return;
    const ctx = systemCtx(tx);
    await lockIncidentRow(ctx, incidentId);
    await appendIncidentEvent(ctx, incidentId, 'steps_skipped', {
      executionIds: jobs.map((job) => job.executionId), stepIds: jobs.map((job) => job.stepId), reason: 'an earlier step did not succeed',
    });
  });
}
