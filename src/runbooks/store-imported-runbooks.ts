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
  SELECT v.runbook_id, v.version, v.content_hash, v.structure, v.markdown, v.source_id, $2::timestamptz, $3::text
    FROM jsonb_to_recordset($1::jsonb) AS v(runbook_id text, version int, content_hash text, structure jsonb, markdown text, source_id uuid)`;

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

/** Where a runbook stands as the files of the import are stored, one after the other. */
interface RunbookState {
  version: number;
  hash: string;
  deleted: boolean;
  /** The version the database holds now (0 for a runbook this import creates). */
  stored: number;
  title: string;
  kind: string;
}

/**
 * Stores the runbooks of the files of one import, as if each file were stored after the one
 * before it: each runbook created, or given a new version when its content changed (which also
 * restores a deleted one), or left as it is; a runbook in two files gets the second's content as
 * a later version. A handful of statements whatever the number of files and runbooks. Returns
 * the reports of each file, in file order.
 */
export async function storeImportedRunbooks(
  ctx: Ctx,
  files: readonly PreparedImport[],
  sourceIds: readonly string[],
): Promise<ImportedRunbook[][]> {
  const firsts = new Map<string, { id: string; title: string; kind: string }>();
  files.forEach((file) =>
    file.extraction.runbooks.forEach((structure, index) => {
      const id = file.runbookIds[index]!;
      if (!firsts.has(id)) firsts.set(id, { id, title: structure.title, kind: structure.kind });
    }),
  );
  if (firsts.size === 0) return files.map(() => []);
  const now = ctx.now();
  const inserted = await ctx.db.query<{ id: string }>(insertOrLockRunbooks, [
    JSON.stringify([...firsts.values()]),
    now,
  ]);
  const created = new Set(inserted.rows.map((row) => row.id));
  const known = [...firsts.keys()].filter((id) => !created.has(id));
  const states = new Map<string, RunbookState | null>([...created].map((id) => [id, null]));
  if (known.length > 0) {
    for (const row of (await ctx.db.query<CurrentVersionRow>(selectCurrentVersions, [known])).rows) {
      states.set(row.id, {
        version: row.current_version,
        hash: row.content_hash,
        deleted: row.deleted_at !== null,
        stored: row.current_version,
        title: '',
        kind: '',
      });
    }
  }
  const versions: {
    runbook_id: string;
    version: number;
    content_hash: string;
    structure: unknown;
    markdown: string;
    source_id: string;
  }[] = [];
  const reports = files.map((file, fileIndex) =>
    file.extraction.runbooks.map((structure, index): ImportedRunbook => {
      const id = file.runbookIds[index]!;
      if (!states.has(id)) throw new Error(`runbook ${id} exists without its current version`);
      const hash = runbookContentHash(structure);
      const state = states.get(id) ?? null;
      let status: ImportedRunbook['status'] = 'created';
      if (state !== null) {
        // Same content: nothing new, and a deleted runbook stays deleted (re-importing an old file must not resurrect it).
        status = state.hash === hash ? 'unchanged' : state.deleted ? 'restored' : 'updated';
      }
      const version = state === null ? 1 : status === 'unchanged' ? state.version : state.version + 1;
      if (status !== 'unchanged') {
        versions.push({
          runbook_id: id,
          version,
          content_hash: hash,
          structure,
          markdown: sourceLines(file.text, structure.lines),
          source_id: sourceIds[fileIndex]!,
        });
        states.set(id, {
          version,
          hash,
          deleted: false,
          stored: state?.stored ?? 1,
          title: structure.title,
          kind: structure.kind,
        });
      }
      return {
        id,
        title: structure.title,
        kind: structure.kind,
        version,
        status,
        lines: structure.lines,
        steps: structure.sections.reduce((count, section) => count + section.steps.length, 0),
        sections: structure.sections.length,
      };
    }),
  );
  // One update per runbook whose current version moved past what the database holds.
  const updates = [...states].flatMap(([id, state]) =>
    state !== null && state.version > state.stored
      ? [{ id, title: state.title, kind: state.kind, version: state.version }]
      : [],
  );
  if (versions.length > 0) await ctx.db.query(insertVersions, [JSON.stringify(versions), now, ctx.actor.name]);
  if (updates.length > 0) await ctx.db.query(updateCurrentVersions, [JSON.stringify(updates), now]);
  return reports;
}
