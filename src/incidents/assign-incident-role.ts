import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { assertActiveUser } from '../users/assert-active-user.js';
import { appendIncidentEvent } from './append-incident-event.js';
import type { Incident, IncidentRole } from './incident-model.js';
import { deleteIncidentRole, upsertIncidentRole } from './incident-statements.js';
import { loadIncident, lockIncidentRow } from './load-incident.js';

export const AssignRoleInput = Type.Object(
  { userId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'null removes the role' }) },
  { additionalProperties: false },
);
export type AssignRoleInput = Static<typeof AssignRoleInput>;

/** Gives an incident role (commander, communications, operations, scribe) to a user, or takes it away. */
export async function assignIncidentRole({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; role: IncidentRole } & AssignRoleInput;
}): Promise<Incident> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    await lockIncidentRow(tx, input.id);
    const { rows } = await tx.db.query<{ user_id: string }>(
      'SELECT user_id FROM incident_roles WHERE incident_id = $1 AND role = $2',
      [input.id, input.role],
    );
    const previous = rows[0]?.user_id ?? null;
    if (input.userId === null) {
      if (previous !== null) {
        await tx.db.query(deleteIncidentRole, [input.id, input.role]);
        await appendIncidentEvent(tx, input.id, {
          type: 'role_unassigned',
          payload: { role: input.role, userId: previous },
        });
      }
    } else if (input.userId !== previous) {
      const user = await assertActiveUser(tx.db, input.userId, '/userId');
      await tx.db.query(upsertIncidentRole, [input.id, input.role, user.id, tx.now()]);
      await appendIncidentEvent(tx, input.id, {
        type: 'role_assigned',
        payload: {
          role: input.role,
          userId: user.id,
          name: user.name,
          previous,
        },
      });
    }
    await recordAudit(tx, {
      action: 'incident.assign_role',
      targetType: 'incident',
      targetId: input.id,
      details: { role: input.role, userId: input.userId, previous },
    });
    return loadIncident(tx.db, input.id, tx.now());
  });
}
