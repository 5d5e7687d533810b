import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict, validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { lockIncidentRow } from '../../incidents/load-incident.js';
import type { EscalationLevel } from './escalation-policy-model.js';
import { startEscalation } from './start-escalation.js';

export const ReassignEscalationInput = Type.Object(
  { policyId: Type.String({ minLength: 1 }), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type ReassignEscalationInput = Static<typeof ReassignEscalationInput>;

/**
 * Re-assigns an incident to an escalation policy (responder): its escalation restarts at level 1
 * with that policy, whatever ran before (older timers find themselves outdated). A resolved
 * incident answers 409; an acknowledged one goes back to paging only if it is re-triggered.
 */
export async function reassignEscalation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { incidentId: string } & ReassignEscalationInput;
}): Promise<{ incidentId: string; policyId: string; generation: number }> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const incident = await lockIncidentRow(tx, input.incidentId);
    if (incident.status === 'resolved')
      throw conflict('a resolved incident does not escalate', { allowedNextStates: ['triggered'] });
    const { rows } = await tx.db.query<{ id: string; name: string; levels: EscalationLevel[] }>(
      'SELECT id, name, levels FROM escalation_policies WHERE id = $1',
      [input.policyId],
    );
    if (rows[0] === undefined)
      throw validationError('unknown escalation policy', [
        { path: '/policyId', message: `no escalation policy ${input.policyId}` },
      ]);
    const generation = await startEscalation(tx, input.incidentId, rows[0], input.reason ?? 're-assigned');
    await recordAudit(tx, {
      action: 'incident.escalation_reassigned',
      targetType: 'incident',
      targetId: input.incidentId,
      details: { policyId: input.policyId, generation },
    });
    return { incidentId: input.incidentId, policyId: input.policyId, generation };
  });
}
