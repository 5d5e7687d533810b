import { recordAudit } from '../../audit/record-audit.js';
import { notFound, validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';

/**
 * Sets which escalation policy pages for a service's incidents (admin); null: none. Incidents
 * opened afterwards escalate with it; running escalations keep theirs.
 */
export async function assignServicePolicy({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { serviceId: string; policyId: string | null };
}): Promise<{ serviceId: string; policyId: string | null }> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    if (input.policyId !== null) {
      const { rows } = await tx.db.query('SELECT 1 FROM escalation_policies WHERE id = $1', [input.policyId]);
      if (rows.length === 0)
        throw validationError('unknown escalation policy', [
          { path: '/policyId', message: `no escalation policy ${input.policyId}` },
        ]);
    }
    const { rowCount } = await tx.db.query(
      'UPDATE services SET escalation_policy_id = $2, updated_at = $3 WHERE id = $1',
      [input.serviceId, input.policyId, tx.now()],
    );
    if (rowCount === 0) throw notFound('service', input.serviceId);
    await recordAudit(tx, {
      action: 'service.escalation_policy',
      targetType: 'service',
      targetId: input.serviceId,
      details: { policyId: input.policyId },
    });
    return { serviceId: input.serviceId, policyId: input.policyId };
  });
}
