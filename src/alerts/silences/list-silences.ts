import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { silenceColumns, toSilence, type Silence, type SilenceRow } from './silence-model.js';

const selectSilences = `
  SELECT ${silenceColumns} FROM silences
   WHERE $1::boolean OR (expired_at IS NULL AND ends_at > $2)
   ORDER BY starts_at DESC, id LIMIT 500`;

/** Silences not over yet (pending and active), or every one with `includeExpired` (viewer). */
export async function listSilences({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { includeExpired?: boolean };
}): Promise<Silence[]> {
  requireRole(ctx, 'viewer');
  const now = ctx.now();
  const { rows } = await ctx.db.query<SilenceRow>(selectSilences, [input.includeExpired ?? false, now]);
  return rows.map((row) => toSilence(row, now));
}
