import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { loadRunbookVersion } from '../../runbooks/load-runbook-version.js';
import type { Section, Step } from '../../runbooks/runbook-model.js';
import type { ExecutionServices } from '../execute-step.js';
import { prepareStepJob } from '../prepare-step-job.js';
import { createRedactor } from '../redaction/create-redactor.js';
import { recordStepFinished } from '../record-step-progress.js';
import type { RunRow } from '../run-model.js';
import { selectRun } from '../run-statements.js';
import { afterStepEnded } from './after-step-ended.js';
import { openSealedValues } from './seal-step-values.js';
import { toStepJobPayload, type StepJobPayload } from './step-job-payload.js';
import { loadActiveRunner } from './load-active-runner.js';

/**
 * The oldest claimable steps this runner may take: queued, not being cancelled, sealed with a key
 * this node holds, selector within the runner's labels, and first of their chain. SKIP LOCKED:
 * two runners (on any nodes) never take the same step; each is marked running at once.
 */
const claimQueued = `
  WITH candidate AS (
    SELECT e.id FROM step_executions e
     WHERE e.status = 'queued' AND e.cancel_requested_at IS NULL
       AND (e.sealed_by IS NULL OR e.sealed_by = $3)
       AND $2::jsonb @> e.runner_selector
       AND (e.chain_id IS NULL OR NOT EXISTS (
             SELECT 1 FROM step_executions p
              WHERE p.chain_id = e.chain_id AND p.chain_index < e.chain_index AND p.status IN ('queued', 'running')))
     ORDER BY e.requested_at, e.chain_index
     LIMIT $4
     FOR UPDATE OF e SKIP LOCKED)
  UPDATE step_executions s
     SET status = 'running', started_at = $5, heartbeat_at = $5, node_id = $3, runner_id = $1, runner_name = $6
    FROM candidate WHERE s.id = candidate.id
  RETURNING s.id, s.run_id, s.step_id, s.sealed_parameters, s.sealed_by, s.sql_connection, s.timeout_ms,
            s.chain_id, s.chain_index, s.chain_continue`;

/** Values are needed only until the runner has them: a claimed step is never run again. */
const dropSealed = `UPDATE step_executions SET sealed_parameters = NULL WHERE id = ANY($1::uuid[])`;

interface ClaimedRow {
  [column: string]: unknown;
  id: string;
  run_id: string;
  step_id: string;
  sealed_parameters: string | null;
  sealed_by: string | null;
  sql_connection: string | null;
  timeout_ms: number;
  chain_id: string | null;
  chain_index: number | null;
  chain_continue: boolean;
}

/**
 * Claims up to `max` steps for a runner and makes each ready: its values unsealed, its code
 * rewritten, its secrets read. A step that can no longer be made ready (a secret deleted since,
 * values sealed by a node that restarted) ends as failed, saying why, and is not handed out.
 * Returns at once, with what there was (possibly nothing).
 */
export async function claimStepJobs({ ctx, input, services, gone }: {
  ctx: Ctx;
  input: { runnerId: string; max: number };
  services: ExecutionServices;
  /** Aborted when the runner's request is gone (the runner died or gave up): nothing is claimed for it then. */
  gone?: AbortSignal;
}): Promise<StepJobPayload[]> {
  const runner = requireRunner(ctx);
  const { jobs: node } = services;
  const claimed = await inTransaction(ctx, async (tx) => {
    const registered = await loadActiveRunner(tx.db, input.runnerId, runner.tokenId);
    const { rows } = await tx.db.query<ClaimedRow>(claimQueued, [
      input.runnerId, JSON.stringify(registered.labels), node.nodeId, input.max, tx.now(), registered.name,
    ]);
    const ready: StepJobPayload[] = [];
    const runs = new Map<string, { run: RunRow; sections: Section[] }>();
    for (const row of rows) {
      let incidentId: string | null = null;
      try {
        const located = await locate(tx, runs, row);
        incidentId = located.run.incident_id;
        const values = openSealedValues(row, node, located.run.id);
        const { job } = await prepareStepJob(tx.db, { run: located.run, section: located.section, step: located.step }, values, services, {
          ignoreUnknown: row.chain_id !== null, ...(row.sql_connection === null ? {} : { connection: row.sql_connection }),
        });
        const full = { ...job, executionId: row.id, timeoutMs: row.timeout_ms };
        rememberRedactor(node.redactors, row.id, full.secrets);
        ready.push(toStepJobPayload(full, node.maxOutputBytes));
      } catch (error) {
        // Any failure ends this step alone: left queued, it would fail every claim after this one.
        const reason = `the step could not be prepared: ${error instanceof Error ? error.message : String(error)}`;
        const status = await recordStepFinished(tx, { executionId: row.id, incidentId, stepId: row.step_id }, notStarted(reason), { reason });
        if (status !== null) await afterStepEnded(tx, { incidentId, chainId: row.chain_id, chainIndex: row.chain_index, chainContinue: row.chain_continue }, status);
      }
    }
    if (rows.length > 0) await tx.db.query(dropSealed, [rows.map((row) => row.id)]);
    // Handed to nobody: rolled back, the steps stay queued for a live runner.
    if (gone?.aborted === true && rows.length > 0) throw new ClaimAbandoned();
    return { ready, ids: rows.map((row) => row.id) };
  }).catch((error: unknown) => {
    if (error instanceof ClaimAbandoned) return { ready: [], ids: [] };
    throw error;
  });
  for (const id of claimed.ids) node.changes.notify(id);
  return claimed.ready;
}

async function locate(tx: Ctx, runs: Map<string, { run: RunRow; sections: Section[] }>, row: ClaimedRow): Promise<{ run: RunRow; section: Section; step: Step }> {
  let entry = runs.get(row.run_id);
  if (entry === undefined) {
    const run = (await tx.db.query<RunRow>(selectRun, [row.run_id])).rows[0]!;
    const version = await loadRunbookVersion(tx.db, run.runbook_id, run.runbook_version);
    entry = { run, sections: version.structure.sections };
    runs.set(row.run_id, entry);
  }
  for (const section of entry.sections) {
    const step = section.steps.find((candidate) => candidate.id === row.step_id);
    if (step !== undefined) return { run: entry.run, section, step };
  }
  throw new Error(`step ${row.step_id} is not in run ${row.run_id}'s runbook version`);
}

const notStarted = (error: string): Parameters<typeof recordStepFinished>[2] => ({
  outcome: 'failed-to-start', exitCode: null, signal: null, durationMs: 0, error, stdoutBytes: 0, stderrBytes: 0, truncatedBytes: 0,
});

/** The server's second redaction pass needs every known secret: built once per execution on this node. */
function rememberRedactor(redactors: Map<string, ReturnType<typeof createRedactor>>, executionId: string, secrets: { name: string; value: string }[]): void {
  if (redactors.size >= 1000) redactors.delete(redactors.keys().next().value!);
  redactors.set(executionId, createRedactor(secrets));
}

class ClaimAbandoned extends Error {}
