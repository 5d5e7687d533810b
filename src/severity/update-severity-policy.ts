import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import type { Severity } from '../incidents/incident-model.js';
import { loadSeverityPolicies, type SeverityPolicy } from './severity-policy.js';

export const UpdateSeverityPolicyInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    resolutionTargetMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 525_600 }), Type.Null()])),
    statusUpdateMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_080 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateSeverityPolicyInput = Static<typeof UpdateSeverityPolicyInput>;

const updatePolicy = `
  UPDATE severity_policies
     SET name = $2, description = $3, resolution_target_minutes = $4, status_update_minutes = $5, updated_at = $6
   WHERE severity = $1`;

/** Changes a severity's name, description, resolution target or status-update cadence (admin). */
export async function updateSeverityPolicy({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { severity: Severity; changes: UpdateSeverityPolicyInput };
}): Promise<SeverityPolicy> {
  requireRole(ctx, 'admin');
  if (Object.keys(input.changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  return inTransaction(ctx, async (tx) => {
    const current = (await loadSeverityPolicies(tx.db)).get(input.severity);
    if (current === undefined) throw notFound('severity policy', input.severity);
    const next: SeverityPolicy = { ...current, ...input.changes };
    await tx.db.query(updatePolicy, [
      next.severity,
      next.name,
      next.description,
      next.resolutionTargetMinutes,
      next.statusUpdateMinutes,
      tx.now(),
    ]);
    await recordAudit(tx, {
      action: 'severity_policy.update',
      targetType: 'severity_policy',
      targetId: next.severity,
      details: input.changes,
    });
    return next;
  });
}
