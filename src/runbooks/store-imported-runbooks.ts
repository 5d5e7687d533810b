import type { Ctx } from '../core/context.js';
import { sourceLines } from './extract/source-text.js';
import type { PreparedImport } from './prepare-runbook-import.js';
import type { ImportedRunbook } from './runbook-api-model.js';
import { runbookContentHash } from './runbook-hash.js';

/**
 * Creates the runbooks not known yet and locks the known ones, in one statement and in id order:
 * two imports touching the same runbooks queue on them in the same order and cannot deadlock (a
 * new id is held by its uncommitted insert). `DO UPDATE … WHERE false` changes nothing but still
 * locks the row it conflicts with; only the rows created come back.
 */
const insertOrLockRunbooks = `
  INSERT INTO runbooks (id, title, kind, current_version, created_at, updated_at)
  SELECT r.id, r.title, r.kind, 1, $2::timestamptz, $2::timestamptz
    FROM jsonb_to_recordset($1::jsonb) AS r(id text, title text, kind text)
   ORDER BY r.id
  ON CONFLICT (id) DO UPDATE SET updated_at = runbooks.updated_at WHERE false
  RETURNING id`;

/**
 * The current version of runbooks this import holds locked. A statement of its own, after the
 * lock: only a new statement sees what an import that held the lock before committed.
 */
const selectCurrentVersions = `
  SELECT r.id, r.current_version, r.deleted_at, v.content_hash
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version
   WHERE r.id = ANY($1::text[])`;

const insertVersions = `
  INSERT INTO runbook_versions (runbook_id, version, content_hash, structure, markdown, source_id, created_at, created_by)
  SELECT v.runbook_id, v.version, v.content_hash, v.structure, v.markdown, $2::uuid, $3::timestamptz, $4::text
    FROM jsonb_to_recordset($1::jsonb) AS v(runbook_id text, version int, content_hash text, structure jsonb, markdown text)`;

/** New current versions; a deleted runbook given new content is restored. */
const updateCurrentVersions = `
  UPDATE runbooks r
     SET title = u.title, kind = u.kind, current_version = u.version, updated_at = $2::timestamptz, deleted_at = NULL, deleted_by = NULL
    FROM jsonb_to_recordset($1::jsonb) AS u(id text, title text, kind text, version int)
   WHERE r.id = u.id`;

type CurrentVersionRow = {
  id: string;
  current_version: number;
  deleted_at: Date | null;
  content_hash: string;
};

/**
 * Stores the runbooks of a prepared file, each created, or given a new version when its content
 * changed (which also restores a deleted one), or left as it is. A handful of statements per
 * file whatever its number of runbooks. Returns their reports, in file order.
 */
export async function storeImportedRunbooks(ctx: Ctx, prepared: PreparedImport, sourceId: string): Promise<ImportedRunbook[]> {
  const structures = prepared.extraction.runbooks;
  const ids = prepared.runbookIds;
  if (structures.length === 0) return [];
  const now = ctx.now();
  const rows = structures.map((structure, index) => ({ id: ids[index]!, title: structure.title, kind: structure.kind }));
  const inserted = await ctx.db.query<{ id: string }>(insertOrLockRunbooks, [JSON.stringify(rows), now]);
  const created = new Set(inserted.rows.map((row) => row.id));
  const known = ids.filter((id) => !created.has(id));
  const current = new Map<string, CurrentVersionRow>();
  if (known.length > 0) {
    for (const row of (await ctx.db.query<CurrentVersionRow>(selectCurrentVersions, [known])).rows) current.set(row.id, row);
  }
  const versions: { runbook_id: string; version: number; content_hash: string; structure: unknown; markdown: string }[] = [];
  const updates: { id: string; title: string; kind: string; version: number }[] = [];
  const reports = structures.map((structure, index): ImportedRunbook => {
    const id = ids[index]!;
    const hash = runbookContentHash(structure);
    const state = current.get(id);
    if (!created.has(id) && state === undefined) throw new Error(`runbook ${id} exists without its current version`);
    let version = 1;
    let status: ImportedRunbook['status'] = 'created';
    if (state !== undefined) {
      // Same content: nothing new, and a deleted runbook stays deleted (re-importing an old file must not resurrect it).
      version = state.content_hash === hash ? state.current_version : state.current_version + 1;
      status = state.content_hash === hash ? 'unchanged' : state.deleted_at === null ? 'updated' : 'restored';
      if (status !== 'unchanged') updates.push({ id, title: structure.title, kind: structure.kind, version });
    }
    if (status !== 'unchanged') versions.push({ runbook_id: id, version, content_hash: hash, structure, markdown: sourceLines(prepared.text, structure.lines) });
    return {
      id, title: structure.title, kind: structure.kind, version, status, lines: structure.lines,
      steps: structure.sections.reduce((count, section) => count + section.steps.length, 0), sections: structure.sections.length,
    };
  });
  if (versions.length > 0) await ctx.db.query(insertVersions, [JSON.stringify(versions), sourceId, now, ctx.actor.name]);
  if (updates.length > 0) await ctx.db.query(updateCurrentVersions, [JSON.stringify(updates), now]);
  return reports;
}
