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
  SELECT d.kind, d.title, d.data, d.content_hash, d.source_id, $2::timestamptz
    FROM jsonb_to_recordset($1::jsonb) AS d(kind text, title text, data jsonb, content_hash text, source_id uuid)
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
 * Stores the drafts of the files of one import, found again by kind and content when an earlier
 * import (or an earlier part of this one) gave them already: a draft is created once, from the
 * first file that holds it. Returns the reports of each file, in file order.
 */
export async function storeImportedDrafts(
  ctx: Ctx,
  files: readonly (readonly Draft[])[],
  sourceIds: readonly string[],
): Promise<ImportReport['drafts'][]> {
  const keyOf = (kind: string, hash: string): string => `${kind}:${hash}`;
  const keyed = files.map((drafts) =>
    drafts.map((draft) => ({ draft, key: keyOf(draft.kind, draftContentHash(draft)) })),
  );
  const rows = new Map<
    string,
    { kind: string; title: string; data: unknown; content_hash: string; source_id: string }
  >();
  keyed.forEach((drafts, fileIndex) => {
    for (const { draft, key } of drafts) {
      if (!rows.has(key))
        rows.set(key, {
          kind: draft.kind,
          title: draft.title,
          data: draft.data,
          content_hash: key.slice(draft.kind.length + 1),
          source_id: sourceIds[fileIndex]!,
        });
    }
  });
  if (rows.size === 0) return files.map(() => []);
  const inserted = await ctx.db.query<DraftKeyRow>(insertDrafts, [JSON.stringify([...rows.values()]), ctx.now()]);
  const created = new Map(inserted.rows.map((row) => [keyOf(row.kind, row.content_hash), row.id]));
  const found = new Map<string, string>();
  const missing = [...rows.values()].filter((row) => !created.has(keyOf(row.kind, row.content_hash)));
  if (missing.length > 0) {
    const existing = await ctx.db.query<DraftKeyRow>(selectDraftsByContent, [
      missing.map((row) => row.kind),
      missing.map((row) => row.content_hash),
    ]);
    for (const row of existing.rows) found.set(keyOf(row.kind, row.content_hash), row.id);
  }
  // A draft written twice is created once: its first occurrence reports it created.
  const reported = new Set<string>();
  return keyed.map((drafts) =>
    drafts.map(({ draft, key }) => {
      const summary = { kind: draft.kind, title: draft.title, lines: draft.lines };
      const createdId = created.get(key);
      const first = !reported.has(key);
      reported.add(key);
      if (createdId !== undefined && first) return { id: createdId, ...summary, status: 'created' as const };
      return { id: createdId ?? found.get(key)!, ...summary, status: 'existing' as const };
    }),
  );
}
