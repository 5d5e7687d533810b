import { Type, type Static } from 'typebox';
import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { loadActiveRunner } from './load-active-runner.js';
import type { StepJobServices } from './step-job-services.js';

export const RunnerHeartbeatInput = Type.Object(
  {
    executionIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 64, description: 'the steps it is running' }),
  },
  { additionalProperties: false },
);
export type RunnerHeartbeatInput = Static<typeof RunnerHeartbeatInput>;

export const RunnerHeartbeatResultSchema = Type.Object({
  stop: Type.Array(Type.String(), {
    description: "steps to kill now: cancelled, or no longer this runner's (declared interrupted)",
  }),
});

const touchRunner = `UPDATE runners SET last_seen_at = $2, expires_at = $3 WHERE id = $1`;
const touchExecutions = `
  UPDATE step_executions SET heartbeat_at = $3
   WHERE id = ANY($2::uuid[]) AND runner_id = $1 AND status = 'running'
  RETURNING id, cancel_requested_at`;

/**
 * A runner proves itself and its steps alive. The answer names the steps it must kill: those
 * someone cancelled, and those no longer its own (another node declared them interrupted while
 * this runner was cut off: they must not go on unseen).
 */
export async function runnerHeartbeat({
  ctx,
  input,
  jobs,
}: {
  ctx: Ctx;
  input: { runnerId: string } & RunnerHeartbeatInput;
  jobs: StepJobServices;
}): Promise<{ stop: string[] }> {
  const runner = requireRunner(ctx);
  return inTransaction(ctx, async (tx) => {
    await loadActiveRunner(tx.db, input.runnerId, runner.tokenId);
    const now = tx.now();
    await tx.db.query(touchRunner, [input.runnerId, now, new Date(now.getTime() + jobs.staleAfterMs)]);
    if (input.executionIds.length === 0) return { stop: [] };
    const { rows } = await tx.db.query<{ id: string; cancel_requested_at: Date | null }>(touchExecutions, [
      input.runnerId,
      input.executionIds,
      now,
    ]);
    const alive = new Set(rows.filter((row) => row.cancel_requested_at === null).map((row) => row.id));
    return { stop: input.executionIds.filter((id) => !alive.has(id)) };
  });
}
