import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadSeverityPolicies, type SeverityPolicy } from './severity-policy.js';

/** The four severity policies, P1 first: what each severity means and the targets it sets. */
export async function listSeverityPolicies({
  ctx,
}: {
  ctx: Ctx;
  input?: Record<string, never>;
}): Promise<SeverityPolicy[]> {
  requireRole(ctx, 'viewer');
  return [...(await loadSeverityPolicies(ctx.db)).values()];
}
