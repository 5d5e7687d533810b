import { recordAudit } from '../../audit/record-audit.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { checkEscalationTargets } from './check-escalation-targets.js';
import {
  policyColumns,
  toEscalationPolicy,
  type EscalationPolicy,
  type EscalationPolicyInput,
  type EscalationPolicyRow,
} from './escalation-policy-model.js';

const upsertPolicy = `
  INSERT INTO escalation_policies (id, name, levels, repeat_count, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $5)
  ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, levels = EXCLUDED.levels, repeat_count = EXCLUDED.repeat_count, updated_at = EXCLUDED.updated_at
  RETURNING ${policyColumns}, (xmax = 0) AS created`;

/**
 * Creates or replaces an escalation policy (admin). Escalations already running keep the levels
 * they started with only until their next level: each level reads the policy when it fires.
 */
export async function putEscalationPolicy({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & EscalationPolicyInput;
}): Promise<{ policy: EscalationPolicy; created: boolean }> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    await checkEscalationTargets(tx.db, input.levels);
    const { rows } = await tx.db.query<EscalationPolicyRow & { created: boolean }>(upsertPolicy, [
      input.id,
      input.name,
      JSON.stringify(input.levels),
      input.repeat ?? 0,
      tx.now(),
    ]);
    const row = rows[0]!;
    await recordAudit(tx, {
      action: row.created ? 'escalation_policy.create' : 'escalation_policy.update',
      targetType: 'escalation_policy',
      targetId: input.id,
      details: { levels: input.levels.length },
    });
    return { policy: toEscalationPolicy(row), created: row.created };
  });
}
