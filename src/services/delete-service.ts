import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';

const lockService = 'SELECT name FROM services WHERE id = $1 FOR UPDATE';

const selectReferencingIncidents = `
  SELECT s.incident_id FROM incident_services s JOIN incidents i ON i.id = s.incident_id
   WHERE s.service_id = $1 ORDER BY i.number`;

const deleteServiceRow = 'DELETE FROM services WHERE id = $1';

/**
 * Removes a service from the catalogue (admin). Refused while any incident, even a resolved
 * one, names it: incidents keep their history, and that history must still resolve.
 */
export async function deleteService({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const service = (await tx.db.query<{ name: string }>(lockService, [input.id])).rows[0];
    if (service === undefined) throw notFound('service', input.id);
    const { rows } = await tx.db.query<{ incident_id: string }>(selectReferencingIncidents, [input.id]);
    if (rows.length > 0) {
      const incidents = rows.map((row) => row.incident_id);
      throw conflict(`service ${input.id} is referenced by ${incidents.length} incident(s)`, {
        id: input.id,
        incidents: incidents.slice(0, 20),
        count: incidents.length,
      });
    }
    await tx.db.query(deleteServiceRow, [input.id]);
    await recordAudit(tx, {
      action: 'service.delete',
      targetType: 'service',
      targetId: input.id,
      details: { name: service.name },
    });
  });
}
