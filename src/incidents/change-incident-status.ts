import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from './append-incident-event.js';
import type { Incident } from './incident-model.js';
import { updateIncidentStatus } from './incident-statements.js';
import { actionEventTypes, nextStatus, type LifecycleAction } from './lifecycle.js';
import { loadIncident, lockIncidentRow } from './load-incident.js';

export const StatusChangeInput = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 5000, description: 'why, shown in the timeline' })) },
  { additionalProperties: false },
);
export type StatusChangeInput = Static<typeof StatusChangeInput>;

/**
 * Moves an incident along its lifecycle. The row lock makes two responders acknowledging at once
 * safe: the second sees the new status and gets the 409 with the allowed next states.
 */
export async function changeIncidentStatus(
  ctx: Ctx,
  id: string,
  action: LifecycleAction,
  input: StatusChangeInput,
): Promise<Incident> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const row = await lockIncidentRow(tx, id);
    const to = nextStatus(row.status, action);
    const now = tx.now();
    // Reopening starts a new cycle: the earlier timestamps stay in the timeline, not on the row.
    const times =
      action === 'reopen'
        ? { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null }
        : {
            acknowledgedAt: action === 'acknowledge' ? now : row.acknowledged_at,
            mitigatedAt: action === 'mitigate' ? now : row.mitigated_at,
            resolvedAt: action === 'resolve' ? now : row.resolved_at,
          };
    await tx.db.query(updateIncidentStatus, [id, to, times.acknowledgedAt, times.mitigatedAt, times.resolvedAt]);
    await appendIncidentEvent(tx, id, {
      type: actionEventTypes[action],
      payload: {
        from: row.status,
        to,
        ...(input.note === undefined ? {} : { note: input.note }),
      },
    });
    await recordAudit(tx, {
      action: `incident.${action}`,
      targetType: 'incident',
      targetId: id,
      details: { from: row.status, to },
    });
    return loadIncident(tx.db, id, now);
  });
}
