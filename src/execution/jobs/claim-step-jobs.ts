import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Section, Step } from '../../runbooks/runbook-model.js';
import type { RunbookStructures } from '../../runbooks/runbook-structures.js';
import type { ExecutionServices } from '../execute-step.js';
import { prepareStepJob } from '../prepare-step-job.js';
import { createRedactor } from '../redaction/create-redactor.js';
import { endedBeforeRunning, recordStepFinished } from '../record-step-progress.js';
import { afterStepEnded } from './after-step-ended.js';
import { openSealedValues } from './seal-step-values.js';
import { toStepJobPayload, type StepJobPayload } from './step-job-payload.js';
import { rememberRedactor } from './step-job-services.js';
import { assertRunnerStanding, runnerParam, type RunnerStanding } from './load-active-runner.js';
import type { ParameterRules } from '../parameters/parameter-rules.js';
import { loadStepSecrets } from '../secrets/load-step-secrets.js';
import type { RunnerLabels } from './runner-model.js';

/**
 * The runner, as registered with this token, and the oldest steps it may take (none when it is
 * not registered or its token is revoked): queued, not being cancelled, sealed with a key this
 * node holds, selector within the runner's labels, first of their chain; each with its run and
 * the runbook's step settings. SKIP LOCKED: two runners (on any nodes) never take the same step.
 */
const lockClaimable = `
  WITH runner AS (
    SELECT n.name, n.labels, n.disconnected_at IS NOT NULL AS disconnected, t.revoked_at IS NOT NULL AS revoked
      FROM runners n JOIN api_tokens t ON t.id = n.token_id
     WHERE n.id = $3::uuid AND n.token_id = $4::uuid
  )
  SELECT runner.name AS runner_name, runner.disconnected AS runner_disconnected, runner.revoked AS token_revoked, c.*
    FROM runner LEFT JOIN LATERAL (
      SELECT e.id, e.run_id, e.step_id, e.sealed_parameters, e.sealed_by, e.sql_connection, e.timeout_ms, e.chain_id, e.chain_index,
             e.chain_continue, r.incident_id, r.runbook_id, r.runbook_version, s.parameter_rules, s.runner_selector
        FROM step_executions e JOIN runs r ON r.id = e.run_id LEFT JOIN runbook_execution_settings s ON s.runbook_id = r.runbook_id
       WHERE NOT runner.disconnected AND NOT runner.revoked
         AND e.status = 'queued' AND e.cancel_requested_at IS NULL
         AND (e.sealed_by IS NULL OR e.sealed_by = $1)
         AND runner.labels @> e.runner_selector
         AND (e.chain_id IS NULL OR NOT EXISTS (
               SELECT 1 FROM step_executions p
                WHERE p.chain_id = e.chain_id AND p.chain_index < e.chain_index AND p.status IN ('queued', 'running')))
       ORDER BY e.requested_at, e.chain_index
       LIMIT $2
       FOR UPDATE OF e SKIP LOCKED
    ) c ON true`;

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
  incident_id: string | null;
  runbook_id: string;
  runbook_version: number;
  parameter_rules: ParameterRules | null;
  runner_selector: RunnerLabels;
}

type ClaimRow = { [column: string]: unknown; runner_name: string } & RunnerStanding & (ClaimedRow | { id: null });

/**
 * Claims up to `max` steps for a runner and makes each ready: its values unsealed, its code
 * rewritten, its secrets read. A step that can no longer be made ready (a secret deleted since,
 * values sealed by a node that restarted) ends as failed, saying why, and is not handed out.
 * Returns at once, with what there was (possibly nothing), and whether that was all this runner
 * could take then (fewer steps found than it asked for).
 */
export async function claimStepJobs({
  ctx,
  input,
  services,
  gone,
}: {
  ctx: Ctx;
  input: { runnerId: string; max: number };
  services: ExecutionServices;
  /** Aborted when the runner's request is gone (the runner died or gave up): nothing is claimed for it then. */
  gone?: AbortSignal;
}): Promise<{ jobs: StepJobPayload[]; exhausted: boolean }> {
  const runner = requireRunner(ctx);
  const { jobs: node } = services;
  const claimed = await inTransaction(ctx, async (tx) => {
    const found = (
      await tx.db.query<ClaimRow>(lockClaimable, [node.nodeId, input.max, runnerParam(input.runnerId), runner.tokenId])
    ).rows;
    const registered = found[0];
    assertRunnerStanding(registered, input.runnerId);
    const rows = found.filter((row): row is ClaimRow & ClaimedRow => row.id !== null);
    const ready: StepJobPayload[] = [];
    const claimedIds: string[] = [];
    // Read once per claim, and only when a step was found: most claims of a busy runner take one.
    const secrets = rows.length === 0 ? new Map<string, string>() : await loadStepSecrets(tx.db, services);
    for (const row of rows) {
      try {
        const located = await locate(tx, node.structures, row);
        const values = openSealedValues(row, node, row.run_id);
        const context = { secrets, runbookRules: row.parameter_rules ?? {}, runnerSelector: row.runner_selector };
        const run = { id: row.run_id, incident_id: row.incident_id, runbook_id: row.runbook_id };
        const { job } = await prepareStepJob(
          tx.db,
          { run, section: located.section, step: located.step },
          values,
          services,
          {
            context,
            ignoreUnknown: row.chain_id !== null,
            ...(row.sql_connection === null ? {} : { connection: row.sql_connection }),
          },
        );
        const full = { ...job, executionId: row.id, timeoutMs: row.timeout_ms };
        // The server's second redaction pass needs every known secret: built once per execution on this node.
        rememberRedactor(node, row.id, createRedactor(full.secrets));
        ready.push(toStepJobPayload(full, node.maxOutputBytes));
        claimedIds.push(row.id);
      } catch (error) {
        // Any failure ends this step alone: left queued, it would fail every claim after this one.
        const reason = `the step could not be prepared: ${error instanceof Error ? error.message : String(error)}`;
        const ref = { executionId: row.id, incidentId: row.incident_id, stepId: row.step_id };
        const status = await recordStepFinished(tx, ref, endedBeforeRunning('failed-to-start', reason), { reason });
        if (status !== null) {
          await afterStepEnded(
            tx,
            {
              incidentId: row.incident_id,
              chainId: row.chain_id,
              chainIndex: row.chain_index,
              chainContinue: row.chain_continue,
            },
            status,
          );
        }
      }
    }
    if (claimedIds.length > 0)
      await tx.db.query(markClaimed, [claimedIds, tx.now(), node.nodeId, input.runnerId, registered.runner_name]);
    // Handed to nobody: rolled back, the steps stay queued for a live runner.
    if (gone?.aborted === true && rows.length > 0) throw new ClaimAbandoned();
    return { ready, ids: rows.map((row) => row.id), exhausted: rows.length < input.max };
  }).catch((error: unknown) => {
    if (!(error instanceof ClaimAbandoned)) throw error;
    // Back in the queue: the other claims waiting here look again.
    node.signal.notify();
    return { ready: [], ids: [], exhausted: false };
  });
  // Steps that could not be prepared ended: their streams are woken. A step handed out is seen
  // running at its streams' next look (every 200 ms); its output or end wakes them at once.
  const handedOut = new Set(claimed.ready.map((job) => job.executionId));
  for (const id of claimed.ids) if (!handedOut.has(id)) node.changes.notify(id);
  return { jobs: claimed.ready, exhausted: claimed.exhausted };
}

async function locate(
  tx: Ctx,
  structures: RunbookStructures,
  row: ClaimedRow,
): Promise<{ section: Section; step: Step }> {
  const structure = await structures.load(tx.db, row.runbook_id, row.runbook_version);
  for (const section of structure.sections) {
    const step = section.steps.find((candidate) => candidate.id === row.step_id);
    if (step !== undefined) return { section, step };
  }
  throw new Error(`step ${row.step_id} is not in run ${row.run_id}'s runbook version`);
}

class ClaimAbandoned extends Error {}
