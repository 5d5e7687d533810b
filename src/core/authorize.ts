import { actorRole, roleAtLeast, type Role } from './actor.js';
import { AppError } from './app-error.js';
import type { Ctx } from './context.js';

/** Refuses the operation unless the actor holds at least `minimum`. */
export function requireRole(ctx: Ctx, minimum: Role): void {
  const role = actorRole(ctx.actor);
  if (!roleAtLeast(role, minimum)) {
    throw new AppError('forbidden', `this needs the ${minimum} role; you have ${role}`, { required: minimum, actual: role });
  }
}
