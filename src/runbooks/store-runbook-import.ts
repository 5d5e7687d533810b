import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { lintExtraction } from './lint/lint-runbook.js';
import type { PreparedImport } from './prepare-runbook-import.js';
import type { ImportedRunbook, ImportReport } from './runbook-api-model.js';
import { draftContentHash, runbookContentHash } from './runbook-hash.js';
import type { Draft, LineRange, RunbookStructure } from './runbook-model.js';
import { insertRunbook, insertRunbookVersion, lockRunbook, selectServiceNames, updateRunbookVersion } from './runbook-statements.js';

const insertSource = `
  INSERT INTO runbook_sources (filename, sha256, content, repaired_text, decode_report, imported_at, imported_by_type, imported_by_id, imported_by_name)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (sha256) DO NOTHING RETURNING id`;
const selectSourceBySha = `SELECT id FROM runbook_sources WHERE sha256 = $1`;
const updateSourceReport = `UPDATE runbook_sources SET extraction_report = $2 WHERE id = $1`;

const insertDraft = `
  INSERT INTO runbook_drafts (kind, title, data, content_hash, source_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (kind, content_hash) DO NOTHING RETURNING id`;
const selectDraftByHash = `SELECT id FROM runbook_drafts WHERE kind = $1 AND content_hash = $2`;

/**
 * Stores a prepared file on the caller's transaction: the source (found again by its SHA-256),
 * each runbook (created, or a new version when its content changed, which also restores a deleted
 * one), the drafts (found again by content), then one audit row. Returns the import report.
 */
export async function storeRunbookImport(ctx: Ctx, prepared: PreparedImport): Promise<ImportReport> {
  const source = await storeSource(ctx, prepared);
  const { runbooks: structures, drafts: found } = prepared.extraction;
  // Rows are written in key order (the report keeps file order), so that two imports touching the
  // same runbooks or drafts lock them in the same order and cannot deadlock.
  const runbooks: ImportedRunbook[] = [];
  for (const index of inKeyOrder(prepared.runbookIds)) {
    const structure = structures[index]!;
    runbooks[index] = await storeRunbook(ctx, prepared.runbookIds[index]!, structure, linesOf(prepared.text, structure.lines), source.id);
  }
  const drafts: ImportReport['drafts'] = [];
  for (const index of inKeyOrder(found.map((draft) => `${draft.kind}:${draftContentHash(draft)}`))) {
    drafts[index] = await storeDraft(ctx, found[index]!, source.id);
  }
  const { rows: services } = await ctx.db.query<{ id: string; name: string }>(selectServiceNames);
  const lint = lintExtraction(prepared.extraction, { services, drafts: prepared.extraction.drafts }, prepared.runbookIds);
  const findings = { runbooks, drafts, leftovers: prepared.extraction.leftovers, lint };
  if (source.created) await ctx.db.query(updateSourceReport, [source.id, JSON.stringify(findings)]);
  const idsWith = (status: ImportedRunbook['status']): string[] => runbooks.filter((r) => r.status === status).map((r) => r.id);
  await recordAudit(ctx, {
    action: 'runbook.import',
    targetType: 'runbook_source',
    targetId: source.id,
    details: {
      filename: prepared.filename, sha256: prepared.sha256, newSource: source.created,
      created: idsWith('created'), updated: idsWith('updated'), restored: idsWith('restored'), unchanged: idsWith('unchanged'),
      draftsCreated: drafts.filter((draft) => draft.status === 'created').length,
    },
  });
  return { sourceId: source.id, filename: prepared.filename, sha256: prepared.sha256, decode: prepared.decode, ...findings };
}

async function storeSource(ctx: Ctx, prepared: PreparedImport): Promise<{ id: string; created: boolean }> {
  const { actor } = ctx;
  const inserted = await ctx.db.query<{ id: string }>(insertSource, [
    prepared.filename, prepared.sha256, Buffer.from(prepared.content), prepared.text, JSON.stringify(prepared.decode), ctx.now(),
    actor.type, actorId(actor), actor.name,
  ]);
  if (inserted.rows[0] !== undefined) return { id: inserted.rows[0].id, created: true };
  const { rows } = await ctx.db.query<{ id: string }>(selectSourceBySha, [prepared.sha256]);
  return { id: rows[0]!.id, created: false };
}

async function storeRunbook(ctx: Ctx, id: string, structure: RunbookStructure, markdown: string, sourceId: string): Promise<ImportedRunbook> {
  const now = ctx.now();
  const hash = runbookContentHash(structure);
  const addVersion = (version: number): Promise<unknown> =>
    ctx.db.query(insertRunbookVersion, [id, version, hash, JSON.stringify(structure), markdown, sourceId, now, ctx.actor.name]);
  const report = (version: number, status: ImportedRunbook['status']): ImportedRunbook => ({
    id, title: structure.title, kind: structure.kind, version, status, lines: structure.lines,
    steps: structure.sections.reduce((count, section) => count + section.steps.length, 0), sections: structure.sections.length,
  });
  // Inserting first (and only then locking) lets two imports of a new runbook race safely.
  const created = await ctx.db.query(insertRunbook, [id, structure.title, structure.kind, now]);
  if (created.rows.length > 0) {
    await addVersion(1);
    return report(1, 'created');
  }
  const current = (await ctx.db.query<{ current_version: number; deleted_at: Date | null; content_hash: string }>(lockRunbook, [id])).rows[0]!;
  // Same content: nothing new, and a deleted runbook stays deleted (re-importing an old file must not resurrect it).
  if (current.content_hash === hash) return report(current.current_version, 'unchanged');
  const version = current.current_version + 1;
  await addVersion(version);
  await ctx.db.query(updateRunbookVersion, [id, structure.title, structure.kind, version, now]);
  return report(version, current.deleted_at === null ? 'updated' : 'restored');
}

async function storeDraft(ctx: Ctx, draft: Draft, sourceId: string): Promise<ImportReport['drafts'][number]> {
  const hash = draftContentHash(draft);
  const inserted = await ctx.db.query<{ id: string }>(insertDraft, [draft.kind, draft.title, JSON.stringify(draft.data), hash, sourceId, ctx.now()]);
  const summary = { kind: draft.kind, title: draft.title, lines: draft.lines };
  if (inserted.rows[0] !== undefined) return { id: inserted.rows[0].id, ...summary, status: 'created' };
  const { rows } = await ctx.db.query<{ id: string }>(selectDraftByHash, [draft.kind, hash]);
  return { id: rows[0]!.id, ...summary, status: 'existing' };
}

/** The indexes of `keys`, in the order of their keys. */
function inKeyOrder(keys: readonly string[]): number[] {
  return keys.map((key, index) => ({ key, index })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index)).map(({ index }) => index);
}

/** Lines `start`…`end` (1-based, inclusive) of a text. */
function linesOf(text: string, lines: LineRange): string {
  return text.split(/\r?\n/).slice(lines.start - 1, lines.end).join('\n');
}
