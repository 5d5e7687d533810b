import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import {
  policyColumns,
  toEscalationPolicy,
  type EscalationPolicy,
  type EscalationPolicyRow,
} from './escalation-policy-model.js';

/** Every escalation policy, by id (viewer). */
export async function listEscalationPolicies({ ctx }: { ctx: Ctx }): Promise<EscalationPolicy[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<EscalationPolicyRow>(
    `SELECT ${policyColumns} FROM escalation_policies ORDER BY id`,
  );
  return rows.map(toEscalationPolicy);
}

/** One escalation policy (viewer); 404 if none has this id. */
export async function getEscalationPolicy({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<EscalationPolicy> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<EscalationPolicyRow>(
    `SELECT ${policyColumns} FROM escalation_policies WHERE id = $1`,
    [input.id],
  );
  if (rows[0] === undefined) throw notFound('escalation policy', input.id);
  return toEscalationPolicy(rows[0]);
}
