import { Type, type Static } from 'typebox';
import { AppError } from '../../core/app-error.js';
import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { ExecutionServices } from '../execute-step.js';
import { createRedactor, type Redactor } from '../redaction/create-redactor.js';
import { storeStepOutput, type PendingEvent } from '../record-step-progress.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import { loadStepSecrets } from '../secrets/load-step-secrets.js';
import { uuidPattern } from '../load-run-step.js';
import { assertRunnerStanding, runnerParam, type RunnerStanding } from './load-active-runner.js';
import { rememberRedactor } from './step-job-services.js';
import { OutputChunkSchema } from './step-job-payload.js';

export const RunnerOutputInput = Type.Object(
  { chunks: Type.Array(OutputChunkSchema, { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);
export type RunnerOutputInput = Static<typeof RunnerOutputInput>;
type OutputChunk = Static<typeof OutputChunkSchema>;

/**
 * The runner speaking, as registered with this token, and the step it reports on (null columns
 * when there is no such step): one round trip for a request that comes with every output batch.
 */
const selectRunnerAndStep = `
  SELECT n.disconnected_at IS NOT NULL AS runner_disconnected, t.revoked_at IS NOT NULL AS token_revoked,
         e.id, e.step_id, e.run_id, e.status, e.runner_id, e.cancel_requested_at, e.runner_name, e.chain_id, e.chain_index, e.chain_continue,
         r.incident_id, r.runbook_id, r.runbook_version
    FROM runners n JOIN api_tokens t ON t.id = n.token_id
    LEFT JOIN step_executions e ON e.id = $1::uuid
    LEFT JOIN runs r ON r.id = e.run_id
   WHERE n.id = $2::uuid AND n.token_id = $3::uuid`;

export interface RunningStepRow {
  [column: string]: unknown;
  id: string;
  step_id: string;
  run_id: string;
  status: string;
  runner_id: string | null;
  runner_name: string | null;
  cancel_requested_at: Date | null;
  chain_id: string | null;
  chain_index: number | null;
  chain_continue: boolean;
  incident_id: string | null;
  runbook_id: string;
  runbook_version: number;
}

type RunnerAndStepRow = RunnerStanding & ({ id: null } | RunningStepRow);

/**
 * The execution, running on this runner, which must speak with the token it registered with (a
 * runner id is no secret: viewers list runners; 401 once the token is revoked, 409 when the runner
 * is not registered); a 404, or a 409 naming its status otherwise (the runner then stops the step).
 */
export async function loadRunningStep(
  db: Ctx['db'],
  executionId: string,
  runner: { id: string; tokenId: string },
): Promise<RunningStepRow> {
  const found = (
    await db.query<RunnerAndStepRow>(selectRunnerAndStep, [
      uuidPattern.test(executionId) ? executionId : null,
      runnerParam(runner.id),
      runner.tokenId,
    ])
  ).rows[0];
  assertRunnerStanding(found, runner.id);
  if (found.id === null)
    throw new AppError('not_found', `no step execution ${executionId}`, { entity: 'step execution', id: executionId });
  const row = found as RunningStepRow;
  if (row.status !== 'running' || row.runner_id !== runner.id) {
    throw new AppError(
      'conflict',
      `the step is ${row.status}${row.runner_id === runner.id ? '' : " and not this runner's"}: stop it`,
      { status: row.status },
    );
  }
  return row;
}

/**
 * Stores output a runner sends, after a second redaction with every secret the server knows (the
 * runner only knew the step's own), NUL characters made visible rather than losing the chunk. The
 * answer tells the runner whether someone asked to cancel the step.
 */
export async function recordRunnerOutput({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { runnerId: string; executionId: string } & RunnerOutputInput;
  services: ExecutionServices;
}): Promise<{ cancel: boolean }> {
  const runner = requireRunner(ctx);
  const row = await inTransaction(ctx, async (tx) => {
    const running = await loadRunningStep(tx.db, input.executionId, { id: input.runnerId, tokenId: runner.tokenId });
    const event = await storeRunnerOutput(tx, services, running, input.chunks);
    if (event !== null) await appendIncidentEvent(tx, running.incident_id!, event);
    return running;
  });
  services.jobs.changes.notify(row.id);
  return { cancel: row.cancel_requested_at !== null };
}

/**
 * Stores chunks a runner sent, after the server's own redaction pass (NUL characters made
 * visible); returns the timeline event showing them, for the caller to append.
 */
export async function storeRunnerOutput(
  ctx: Ctx,
  services: ExecutionServices,
  row: RunningStepRow,
  chunks: readonly OutputChunk[],
): Promise<PendingEvent | null> {
  const redactor = await serverRedactor(ctx, services, row.id);
  const lines = chunks.map((chunk) => ({
    stream: chunk.stream,
    at: new Date(chunk.at),
    text: redactor.redact(chunk.text.replaceAll('\u0000', '\\0')),
  }));
  return storeStepOutput(ctx.db, { executionId: row.id, incidentId: row.incident_id, stepId: row.step_id }, lines);
}

async function serverRedactor(ctx: Ctx, services: ExecutionServices, executionId: string): Promise<Redactor> {
  const cached = services.jobs.redactors.get(executionId);
  if (cached !== undefined) return cached;
  // Claimed on another node: built here once from the store (the operator's own secret values stay with the runner's pass).
  const secrets = await loadStepSecrets(ctx.db, services);
  const redactor = createRedactor([...secrets].map(([name, value]) => ({ name, value })));
  rememberRedactor(services.jobs, executionId, redactor);
  return redactor;
}
