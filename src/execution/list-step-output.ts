import { uuidPattern } from './load-run-step.js';
import { Type, type Static } from 'typebox';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';

export const StepOutputSchema = Type.Object({
  seq: Type.Integer(),
  stream: Type.Enum(['stdout', 'stderr', 'system']),
  at: Type.String({ format: 'date-time' }),
  text: Type.String(),
});
export type StepOutput = Static<typeof StepOutputSchema>;

const selectOutput = `
  SELECT o.seq, o.stream, o.at, o.text FROM step_output o JOIN step_executions e ON e.id = o.execution_id
   WHERE e.run_id = $1::uuid AND e.id = $2::uuid AND o.seq > $3 ORDER BY o.seq`;
const selectExecution = `SELECT 1 FROM step_executions WHERE run_id = $1::uuid AND id = $2::uuid`;

/** The (redacted) output of one step execution so far, from `after` on, in the order it was printed. */
export async function listStepOutput({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { runId: string; executionId: string; after?: number };
}): Promise<StepOutput[]> {
  requireRole(ctx, 'viewer');
  if (!uuidPattern.test(input.runId) || !uuidPattern.test(input.executionId))
    throw notFound('step execution', input.executionId);
  const exists = await ctx.db.query(selectExecution, [input.runId, input.executionId]);
  if (exists.rows.length === 0) throw notFound('step execution', input.executionId);
  const { rows } = await ctx.db.query<{ seq: number; stream: StepOutput['stream']; at: Date; text: string }>(
    selectOutput,
    [input.runId, input.executionId, input.after ?? -1],
  );
  return rows.map((row) => ({ seq: row.seq, stream: row.stream, at: row.at.toISOString(), text: row.text }));
}
