import { actorId } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import type { PreparedImport } from './prepare-runbook-import.js';

/**
 * The files of one import, each source row once (an upload of the same bytes is one source,
 * found again by its SHA-256), in key order so that concurrent imports lock in the same order.
 * The raw bytes travel as base64 text, decoded by the database: PGlite's own bytea serializer
 * writes hex one byte at a time, several times the cost of Node's base64 plus `decode`.
 */
const insertSources = `
  INSERT INTO runbook_sources (filename, sha256, content, repaired_text, decode_report, imported_at, imported_by_type, imported_by_id, imported_by_name)
  SELECT s.filename, s.sha256, decode(s.content, 'base64'), s.repaired_text, s.decode_report, $2::timestamptz, $3::text, $4::text, $5::text
    FROM json_to_recordset($1::json) AS s(filename text, sha256 text, content text, repaired_text text, decode_report jsonb)
   ORDER BY s.sha256
  ON CONFLICT (sha256) DO NOTHING
  RETURNING id, sha256`;

/** Sources stored before; a statement of its own, so that it sees what a concurrent import just committed. */
const selectSourcesBySha = `SELECT id, sha256 FROM runbook_sources WHERE sha256 = ANY($1::text[])`;

/** Where each file's source is, and whether this import created it (only for the first file of its bytes). */
export interface StoredSource {
  id: string;
  created: boolean;
}

/** Stores the sources of the files of one import, in one statement. Returns one entry per file, in order. */
export async function storeImportSources(ctx: Ctx, files: readonly PreparedImport[]): Promise<StoredSource[]> {
  const { actor } = ctx;
  const rows = new Map<
    string,
    { filename: string; sha256: string; content: string; repaired_text: string; decode_report: unknown }
  >();
  for (const file of files) {
    if (rows.has(file.sha256)) continue;
    const { content } = file;
    const base64 = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64');
    rows.set(file.sha256, {
      filename: file.filename,
      sha256: file.sha256,
      content: base64,
      repaired_text: file.text,
      decode_report: file.decode,
    });
  }
  const inserted = await ctx.db.query<{ id: string; sha256: string }>(insertSources, [
    JSON.stringify([...rows.values()]),
    ctx.now(),
    actor.type,
    actorId(actor),
    actor.name,
  ]);
  const created = new Map(inserted.rows.map((row) => [row.sha256, row.id]));
  const known = new Map<string, string>();
  const missing = [...rows.keys()].filter((sha) => !created.has(sha));
  if (missing.length > 0) {
    for (const row of (await ctx.db.query<{ id: string; sha256: string }>(selectSourcesBySha, [missing])).rows)
      known.set(row.sha256, row.id);
  }
  const reported = new Set<string>();
  return files.map((file) => {
    const createdId = created.get(file.sha256);
    const first = !reported.has(file.sha256);
    reported.add(file.sha256);
    return { id: createdId ?? known.get(file.sha256)!, created: createdId !== undefined && first };
  });
}
