import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';

/**
 * A person's own notification settings are theirs to read, change and try, whatever their role
 * (a viewer is paged too); anyone else's need an admin.
 */
export function requireSelfOrAdmin(ctx: Ctx, userId: string): void {
  requireRole(ctx, 'viewer');
  const self = ctx.actor.type === 'user' && ctx.actor.id === userId;
  if (!self) requireRole(ctx, 'admin');
}
