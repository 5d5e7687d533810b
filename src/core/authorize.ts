import { actorRole, roleAtLeast, type Actor, type Role } from './actor.js';
import { AppError } from './app-error.js';
import type { Ctx } from './context.js';

/** Refuses the operation unless the actor holds at least `minimum`. */
export function requireRole(ctx: Ctx, minimum: Role): void {
  const role = actorRole(ctx.actor);
  if (role === null)
    throw new AppError('forbidden', 'a runner token may only claim and run steps', {
      required: minimum,
      actual: 'runner',
    });
  if (!roleAtLeast(role, minimum)) {
    throw new AppError('forbidden', `this needs the ${minimum} role; you have ${role}`, {
      required: minimum,
      actual: role,
    });
  }
}

/** Refuses the operation unless the actor is a runner; returns it. */
export function requireRunner(ctx: Ctx): Extract<Actor, { type: 'runner' }> {
  if (ctx.actor.type !== 'runner')
    throw new AppError('forbidden', 'this is for runners: use a runner token', { required: 'runner' });
  return ctx.actor;
}
