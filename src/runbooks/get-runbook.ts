import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadRunbookVersion } from './load-runbook-version.js';
import type { RunbookDetail } from './runbook-api-model.js';
import { toRunbookDetail } from './runbook-row.js';

export const RunbookVersionQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'a past version; default the current one' })) },
  { additionalProperties: false },
);
export type RunbookVersionQuery = Static<typeof RunbookVersionQuery>;

/** One runbook (deleted ones too) with the structure of its current version, or of `version`. */
export async function getRunbook({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & RunbookVersionQuery;
}): Promise<RunbookDetail> {
  requireRole(ctx, 'viewer');
  return toRunbookDetail(await loadRunbookVersion(ctx.db, input.id, input.version));
}
