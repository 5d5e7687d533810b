import { AppError } from '../core/app-error.js';
import type { Ctx } from '../core/context.js';
import { loadUser } from './load-user.js';
import type { User } from './user-model.js';

/** The user the caller acts as. Any authenticated user may read themself, whatever their role. */
export async function getCurrentUser({ ctx }: { ctx: Ctx }): Promise<User> {
  if (ctx.actor.type !== 'user') {
    throw new AppError('not_found', `${ctx.actor.name} is not a user`, { entity: 'user', actorType: ctx.actor.type });
  }
  return loadUser(ctx.db, ctx.actor.id);
}
