import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { concludeVerifiedRun } from '../conclude-verified-run.js';
import type { ExecutionServices } from '../execute-step.js';
import { recordStepFinished } from '../record-step-progress.js';
import type { ExecutionStatus } from '../run-model.js';
import { checkSuccessCondition } from '../verification/check-success-condition.js';
import { readSuccessCondition } from '../verification/read-success-condition.js';
import type { Verification } from '../verification/success-condition.js';
import { afterStepEnded } from './after-step-ended.js';
import { loadRunningStep, storeRunnerOutput } from './record-runner-output.js';
import type { StepEnd } from './step-job-payload.js';

const selectEvidence = `SELECT text FROM step_output WHERE execution_id = $1 AND stream IN ('stdout', 'stderr') ORDER BY seq`;

/**
 * A runner reports how a step ended, with the output it had not sent yet (stored first, in the
 * same transaction: a short step costs one request, not two). The success condition, if the step has one, is checked
 * here against the output as stored (redacted, both streams in order), the way responders see it;
 * the end goes to the timeline with the runner's name; a section run goes on or stops; a passed
 * verification step may verify the run.
 */
export async function finishStepJob({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { runnerId: string; executionId: string; result: StepEnd };
  services: ExecutionServices;
}): Promise<{ status: ExecutionStatus | null }> {
  const runner = requireRunner(ctx);
  const ended = await inTransaction(ctx, async (tx) => {
    const row = await loadRunningStep(tx.db, input.executionId, { id: input.runnerId, tokenId: runner.tokenId });
    const outputEvent =
      input.result.output !== undefined && input.result.output.length > 0
        ? await storeRunnerOutput(tx, services, row, input.result.output)
        : null;
    const structure = await services.jobs.structures.load(tx.db, row.runbook_id, row.runbook_version);
    const section = structure.sections.find((candidate) => candidate.steps.some((step) => step.id === row.step_id));
    const step = section?.steps.find((candidate) => candidate.id === row.step_id);
    const condition = step === undefined || section === undefined ? null : readSuccessCondition(step, section.kind);
    let verification: Verification | null = null;
    if (condition !== null && input.result.outcome === 'exited') {
      const output = (await tx.db.query<{ text: string }>(selectEvidence, [row.id])).rows
        .map((line) => line.text)
        .join('');
      verification = checkSuccessCondition(condition, {
        exitCode: input.result.exitCode,
        output: output.slice(0, services.jobs.maxOutputBytes),
      });
    }
    const ref = { executionId: row.id, incidentId: row.incident_id, stepId: row.step_id };
    // The output stored above rides along in `input.result`; recording the end reads only the result's fields.
    const status = await recordStepFinished(tx, ref, input.result, {
      verification,
      runner: row.runner_name,
      after: outputEvent,
    });
    const next =
      status === null
        ? false
        : await afterStepEnded(
            tx,
            {
              incidentId: row.incident_id,
              chainId: row.chain_id,
              chainIndex: row.chain_index,
              chainContinue: row.chain_continue,
            },
            status,
          );
    return { status, next, runId: row.run_id, verifies: section?.kind === 'verification' };
  });
  services.jobs.redactors.delete(input.executionId);
  services.jobs.changes.notify(input.executionId);
  if (ended.next) services.jobs.signal.notify();
  if (ended.status === 'succeeded' && ended.verifies) await concludeVerifiedRun(ctx.db, ended.runId, ctx.now);
  return { status: ended.status };
}
