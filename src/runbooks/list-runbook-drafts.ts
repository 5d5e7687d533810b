import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { draftStatuses, type RunbookDraft } from './runbook-api-model.js';
import { draftKindNames } from './extract/drafts/draft-kinds.js';
import { toRunbookDraft, type RunbookDraftRow } from './runbook-row.js';
import { selectDraftColumns } from './runbook-statements.js';

export const ListRunbookDraftsQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(draftKindNames)),
    status: Type.Optional(Type.Enum(draftStatuses)),
    sourceId: Type.Optional(Type.String({ format: 'uuid', description: 'only the drafts first found in this source' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListRunbookDraftsQuery = Static<typeof ListRunbookDraftsQuery>;

const filters = `
   WHERE ($1::text IS NULL OR kind = $1::text)
     AND ($2::text IS NULL OR status = $2::text)
     AND ($3::uuid IS NULL OR source_id = $3::uuid)`;

const selectDrafts = `${selectDraftColumns} ${filters} ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`;
const countDrafts = `SELECT count(*)::int AS total FROM runbook_drafts ${filters}`;

/** Drafts of incident-process parts found by imports, newest first, filtered by kind, status and source. */
export async function listRunbookDrafts({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListRunbookDraftsQuery;
}): Promise<{ items: RunbookDraft[]; total: number }> {
  requireRole(ctx, 'viewer');
  const params = [input.kind ?? null, input.status ?? null, input.sourceId ?? null];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<RunbookDraftRow>(selectDrafts, [...params, input.limit ?? 100, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countDrafts, params),
  ]);
  return { items: rows.map(toRunbookDraft), total: count.rows[0]?.total ?? 0 };
}
