import type { Ctx } from '../../core/context.js';
import { getEscalationPolicy } from './list-escalation-policies.js';
import { previewEscalationLevels, type EscalationPreview } from './preview-escalation-levels.js';

/** Who a stored policy's levels would page if an incident opened at `at` (default now; viewer); 404 if none. */
export async function previewEscalationPolicy({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; at?: string | undefined };
}): Promise<EscalationPreview> {
  const policy = await getEscalationPolicy({ ctx, input: { id: input.id } });
  return previewEscalationLevels({ ctx, input: { levels: policy.levels, at: input.at } });
}
