import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { toService, type ServiceDetail, type ServiceRow } from './service-model.js';

const selectServiceDetail = `
  SELECT sv.id, sv.name, sv.description, sv.owner_team_id, sv.rto_minutes, sv.rpo_minutes, sv.tags, sv.public, sv.created_at, sv.updated_at,
         (SELECT count(*)::int FROM incident_services s JOIN incidents i ON i.id = s.incident_id
           WHERE s.service_id = sv.id AND i.status <> 'resolved') AS open_incidents
    FROM services sv WHERE sv.id = $1`;

/** One service with the number of unresolved incidents affecting it. */
export async function getService({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ServiceDetail> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<ServiceRow & { open_incidents: number }>(selectServiceDetail, [input.id]);
  const row = rows[0];
  if (row === undefined) throw notFound('service', input.id);
  return { ...toService(row), openIncidents: row.open_incidents };
}
