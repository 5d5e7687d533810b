import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { runbookKinds, type RunbookSummary } from './runbook-api-model.js';
import { toRunbookSummary, type RunbookSummaryRow } from './runbook-row.js';
import { selectRunbookSummaryColumns } from './runbook-statements.js';

export const ListRunbooksQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'text the title (or id) contains, any case' }),
    ),
    kind: Type.Optional(Type.Enum(runbookKinds)),
    includeDeleted: Type.Optional(Type.Boolean({ description: 'also list deleted runbooks', default: false })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListRunbooksQuery = Static<typeof ListRunbooksQuery>;

const filters = `
   WHERE ($1::text IS NULL OR r.title ILIKE $1::text ESCAPE '\\' OR r.id ILIKE $1::text ESCAPE '\\')
     AND ($2::text IS NULL OR r.kind = $2::text)
     AND ($3::boolean OR r.deleted_at IS NULL)`;

const selectRunbooks = `${selectRunbookSummaryColumns} ${filters} ORDER BY lower(r.title), r.id LIMIT $4 OFFSET $5`;
const countRunbooks = `SELECT count(*)::int AS total FROM runbooks r ${filters}`;

/** Runbooks by title, filtered by text and kind; deleted ones only when asked. */
export async function listRunbooks({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListRunbooksQuery;
}): Promise<{ items: RunbookSummary[]; total: number }> {
  requireRole(ctx, 'viewer');
  // `%` and `_` typed by the user are literal text, not wildcards.
  const pattern = input.q === undefined ? null : `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const params = [pattern, input.kind ?? null, input.includeDeleted ?? false];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<RunbookSummaryRow>(selectRunbooks, [...params, input.limit ?? 100, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countRunbooks, params),
  ]);
  return { items: rows.map(toRunbookSummary), total: count.rows[0]?.total ?? 0 };
}
