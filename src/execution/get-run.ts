import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadRun } from './load-run.js';
import type { Run } from './run-model.js';

/** A run with every step execution so far. */
export async function getRun({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Run> {
  requireRole(ctx, 'viewer');
  return loadRun(ctx.db, input.id, ctx.now());
}
