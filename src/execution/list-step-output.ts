import { Type, type Static } from 'typebox';
import type { Ctx } from '../core/context.js';
import { readStepProgress } from './read-step-progress.js';

export const StepOutputSchema = Type.Object({
  seq: Type.Integer(),
  stream: Type.Enum(['stdout', 'stderr', 'system']),
  at: Type.String({ format: 'date-time' }),
  text: Type.String(),
});
export type StepOutput = Static<typeof StepOutputSchema>;

/** The (redacted) output of one step execution so far, from `after` on, in the order it was printed. */
export async function listStepOutput({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { runId: string; executionId: string; after?: number };
}): Promise<StepOutput[]> {
  return (await readStepProgress({ ctx, input: { ...input, after: input.after ?? -1 } })).output;
}
