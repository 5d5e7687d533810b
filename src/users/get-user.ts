import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadUser } from './load-user.js';
import type { User } from './user-model.js';

/** One user, active or deactivated (viewer). */
export async function getUser({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<User> {
  requireRole(ctx, 'viewer');
  return loadUser(ctx.db, input.id);
}
