import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { RunbookDraft } from './runbook-api-model.js';
import { isUuid, toRunbookDraft, type RunbookDraftRow } from './runbook-row.js';
import { selectDraftColumns } from './runbook-statements.js';

/** One draft with its data. */
export async function getRunbookDraft({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RunbookDraft> {
  requireRole(ctx, 'viewer');
  // Not a UUID cannot exist; asking PostgreSQL would answer "wrong form" instead of 404.
  if (!isUuid(input.id)) throw notFound('runbook draft', input.id);
  const row = (await ctx.db.query<RunbookDraftRow>(`${selectDraftColumns} WHERE id = $1`, [input.id])).rows[0];
  if (row === undefined) throw notFound('runbook draft', input.id);
  return toRunbookDraft(row);
}
