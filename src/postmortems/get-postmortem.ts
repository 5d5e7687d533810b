import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Postmortem } from './postmortem-model.js';
import { loadPostmortem } from './postmortem-store.js';

/** The post-mortem of an incident with its corrective actions (viewer), or not_found. */
export async function getPostmortem({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Postmortem> {
  requireRole(ctx, 'viewer');
  return loadPostmortem(ctx.db, input.id, ctx.now());
}
