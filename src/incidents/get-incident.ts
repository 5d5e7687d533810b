import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Incident } from './incident-model.js';
import { loadIncident } from './load-incident.js';

/** One incident with its services, roles and overdue state. */
export async function getIncident({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Incident> {
  requireRole(ctx, 'viewer');
  return loadIncident(ctx.db, input.id, ctx.now());
}
