import type { Ctx } from '../core/context.js';
import type { ImportReport } from './runbook-api-model.js';
import { draftContentHash } from './runbook-hash.js';
import type { Draft } from './runbook-model.js';

/**
 * Adds the drafts not known yet, in key order (two imports of the same drafts then wait on each
 * other in the same order, never in a cycle); a known one is left as it is.
 */
const insertDrafts = `
  INSERT INTO runbook_drafts (kind, title, data, content_hash, source_id, created_at)
  SELECT d.kind, d.title, d.data, d.content_hash, $2::uuid, $3::timestamptz
    FROM jsonb_to_recordset($1::jsonb) AS d(kind text, title text, data jsonb, content_hash text)
   ORDER BY d.kind, d.content_hash
  ON CONFLICT (kind, content_hash) DO NOTHING
  RETURNING id, kind, content_hash`;

/** The drafts found again, by kind and content; a statement of its own, so that it sees drafts a concurrent import just committed. */
const selectDraftsByContent = `
  SELECT d.id, d.kind, d.content_hash
    FROM runbook_drafts d JOIN unnest($1::text[], $2::text[]) AS k(kind, content_hash) ON d.kind = k.kind AND d.content_hash = k.content_hash`;

type DraftKeyRow = {
  id: string;
  kind: string;
  content_hash: string;
};

/**
 * Stores the drafts of one file, found again by kind and content when an earlier import (or an
 * earlier part of the same file) gave them already. Returns their reports, in file order.
 */
export async function storeImportedDrafts(ctx: Ctx, drafts: readonly Draft[], sourceId: string): Promise<ImportReport['drafts']> {
  if (drafts.length === 0) return [];
  const keyed = drafts.map((draft) => ({ draft, hash: draftContentHash(draft) }));
  const keyOf = (kind: string, hash: string): string => `${kind}:${hash}`;
  const rows = new Map<string, { kind: string; title: string; data: unknown; content_hash: string }>();
  for (const { draft, hash } of keyed) {
    const key = keyOf(draft.kind, hash);
    if (!rows.has(key)) rows.set(key, { kind: draft.kind, title: draft.title, data: draft.data, content_hash: hash });
  }
  const inserted = await ctx.db.query<DraftKeyRow>(insertDrafts, [JSON.stringify([...rows.values()]), sourceId, ctx.now()]);
  const created = new Map(inserted.rows.map((row) => [keyOf(row.kind, row.content_hash), row.id]));
  const found = new Map<string, string>();
  const missing = [...rows.values()].filter((row) => !created.has(keyOf(row.kind, row.content_hash)));
  if (missing.length > 0) {
    const existing = await ctx.db.query<DraftKeyRow>(selectDraftsByContent, [missing.map((row) => row.kind), missing.map((row) => row.content_hash)]);
    for (const row of existing.rows) found.set(keyOf(row.kind, row.content_hash), row.id);
  }
  // A draft written twice in one file is created once: its first occurrence reports it created.
  const reported = new Set<string>();
  return keyed.map(({ draft, hash }) => {
    const key = keyOf(draft.kind, hash);
    const summary = { kind: draft.kind, title: draft.title, lines: draft.lines };
    const createdId = created.get(key);
    const first = !reported.has(key);
    reported.add(key);
    if (createdId !== undefined && first) return { id: createdId, ...summary, status: 'created' as const };
    return { id: createdId ?? found.get(key)!, ...summary, status: 'existing' as const };
  });
}
