import type { Ctx } from '../core/context.js';

/** Demo data for a first look: a team, two services, one open incident. Filled in below. */
export async function seedDemo(ctx: Ctx): Promise<void> {
  void ctx;
}
