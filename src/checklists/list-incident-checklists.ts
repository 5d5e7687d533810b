import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadIncidentChecklists, type IncidentChecklist } from './incident-checklist-model.js';

/** An incident's checklists, oldest first, each with its items and how many are checked. */
export async function listIncidentChecklists({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<IncidentChecklist[]> {
  requireRole(ctx, 'viewer');
  const exists = await ctx.db.query('SELECT 1 FROM incidents WHERE id = $1', [input.id]);
  if (exists.rows.length === 0) throw notFound('incident', input.id);
  return loadIncidentChecklists(ctx.db, input.id);
}
