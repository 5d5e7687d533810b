import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadTeam } from './load-team.js';
import type { Team } from './team-model.js';

/** One team with its members (viewer). */
export async function getTeam({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Team> {
  requireRole(ctx, 'viewer');
  return loadTeam(ctx.db, input.id);
}
