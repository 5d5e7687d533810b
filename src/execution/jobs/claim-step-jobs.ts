import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Section, Step } from '../../runbooks/runbook-model.js';
import type { RunbookStructures } from '../../runbooks/runbook-structures.js';
import type { ExecutionServices } from '../execute-step.js';
import { prepareStepJob } from '../prepare-step-job.js';
import { createRedactor } from '../redaction/create-redactor.js';
import { endedBeforeRunning, recordStepFinished } from '../record-step-progress.js';
import type { RunRow } from '../run-model.js';
import { selectRun } from '../run-statements.js';
import { afterStepEnded } from './after-step-ended.js';
import { openSealedValues } from './seal-step-values.js';
import { toStepJobPayload, type StepJobPayload } from './step-job-payload.js';
import { rememberRedactor } from './step-job-services.js';
import { loadActiveRunner } from './load-active-runner.js';

/**
 * The oldest claimable steps this runner may take: queued, not being cancelled, sealed with a key
 * this node holds, selector within the runner's labels, and first of their chain. SKIP LOCKED:
 * two runners (on any nodes) never take the same step.
 */
const lockClaimable = `
  SELECT e.id, e.run_id, e.step_id, e.sealed_parameters, e.sealed_by, e.sql_connection, e.timeout_ms, e.chain_id, e.chain_index, e.chain_continue
    FROM step_executions e
   WHERE e.status = 'queued' AND e.cancel_requested_at IS NULL
     AND (e.sealed_by IS NULL OR e.sealed_by = $2)
     AND $1::jsonb @> e.runner_selector
     AND (e.chain_id IS NULL OR NOT EXISTS (
           SELECT 1 FROM step_executions p
            WHERE p.chain_id = e.chain_id AND p.chain_index < e.chain_index AND p.status IN ('queued', 'running')))
   ORDER BY e.requested_at, e.chain_index
   LIMIT $3
   FOR UPDATE OF e SKIP LOCKED`;

/**
 * The steps made ready, marked running and their sealed values dropped (a claimed step is never
 * run again). Each locked row is updated once only, here or as failed: a second update of a row in
 * one transaction checks its run's foreign key, a share lock on the run that `endRun` may hold
 * while it waits for this row — a deadlock.
 */
const markClaimed = `
  UPDATE step_executions SET status = 'running', started_at = $2, heartbeat_at = $2, node_id = $3, runner_id = $4, runner_name = $5,
         sealed_parameters = NULL
   WHERE id = ANY($1::uuid[])`;

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
    const { rows } = await tx.db.query<ClaimedRow>(lockClaimable, [JSON.stringify(registered.labels), node.nodeId, input.max]);
    const ready: StepJobPayload[] = [];
    const claimedIds: string[] = [];
    const runs = new Map<string, { run: RunRow; sections: Section[] }>();
    for (const row of rows) {
      let incidentId: string | null = null;
      try {
        const located = await locate(tx, node.structures, runs, row);
        incidentId = located.run.incident_id;
        const values = openSealedValues(row, node, located.run.id);
        const { job } = await prepareStepJob(tx.db, { run: located.run, section: located.section, step: located.step }, values, services, {
          ignoreUnknown: row.chain_id !== null, ...(row.sql_connection === null ? {} : { connection: row.sql_connection }),
        });
        const full = { ...job, executionId: row.id, timeoutMs: row.timeout_ms };
        // The server's second redaction pass needs every known secret: built once per execution on this node.
        rememberRedactor(node, row.id, createRedactor(full.secrets));
        ready.push(toStepJobPayload(full, node.maxOutputBytes));
        claimedIds.push(row.id);
      } catch (error) {
        // Any failure ends this step alone: left queued, it would fail every claim after this one.
        const reason = `the step could not be prepared: ${error instanceof Error ? error.message : String(error)}`;
        const status = await recordStepFinished(tx, { executionId: row.id, incidentId, stepId: row.step_id }, endedBeforeRunning('failed-to-start', reason), { reason });
        if (status !== null) await afterStepEnded(tx, { incidentId, chainId: row.chain_id, chainIndex: row.chain_index, chainContinue: row.chain_continue }, status);
      }
    }
    if (claimedIds.length > 0) await tx.db.query(markClaimed, [claimedIds, tx.now(), node.nodeId, input.runnerId, registered.name]);
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

async function locate(
  tx: Ctx,
  structures: RunbookStructures,
  runs: Map<string, { run: RunRow; sections: Section[] }>,
  row: ClaimedRow,
): Promise<{ run: RunRow; section: Section; step: Step }> {
  let entry = runs.get(row.run_id);
  if (entry === undefined) {
    const run = (await tx.db.query<RunRow>(selectRun, [row.run_id])).rows[0]!;
    const structure = await structures.load(tx.db, run.runbook_id, run.runbook_version);
    entry = { run, sections: structure.sections };
    runs.set(row.run_id, entry);
  }
  for (const section of entry.sections) {
    const step = section.steps.find((candidate) => candidate.id === row.step_id);
    if (step !== undefined) return { run: entry.run, section, step };
  }
  throw new Error(`step ${row.step_id} is not in run ${row.run_id}'s runbook version`);
}


class ClaimAbandoned extends Error {}
