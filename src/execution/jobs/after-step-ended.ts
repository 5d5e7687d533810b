import type { Ctx } from '../../core/context.js';
import type { ExecutionStatus } from '../run-model.js';
import { skipChained } from '../record-step-progress.js';

const selectChainRest = `
  SELECT id FROM step_executions WHERE chain_id = $1::uuid AND chain_index > $2 AND status = 'queued' ORDER BY chain_index`;

/** Where an ended step stood: its chain, if it was run as part of a section. */
export interface EndedStep {
  incidentId: string | null;
  chainId: string | null;
  chainIndex: number | null;
  chainContinue: boolean;
}

/**
 * What follows a step's end within its section: the steps after it are skipped when it did not
 * succeed (unless the section was run with `continueOnFailure`), else the next becomes
 * claimable. Returns whether another step may now be claimed, so the caller wakes the runners
 * once its transaction commits.
 */
export async function afterStepEnded(ctx: Ctx, step: EndedStep, status: ExecutionStatus): Promise<boolean> {
  if (step.chainId === null || step.chainIndex === null) return false;
  if (status === 'succeeded' || step.chainContinue) return true;
  const rest = await ctx.db.query<{ id: string }>(selectChainRest, [step.chainId, step.chainIndex]);
  await skipChained(
    ctx,
    step.incidentId,
    rest.rows.map((row) => row.id),
  );
  return false;
}
