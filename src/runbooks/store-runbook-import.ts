import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { lintExtraction } from './lint/lint-runbook.js';
import type { PreparedImport } from './prepare-runbook-import.js';
import type { ImportedRunbook, ImportReport } from './runbook-api-model.js';
import { selectServiceNames } from './runbook-statements.js';
import { storeImportedDrafts } from './store-imported-drafts.js';
import { storeImportedRunbooks } from './store-imported-runbooks.js';

/**
 * The raw bytes travel as base64 text, decoded by the database: PGlite's own bytea serializer
 * writes hex one byte at a time through an array of strings, about 1 ms per 10 kB file, several
 * times the cost of Node's base64 encoding plus `decode`. Same bytes stored on both backends.
 */
const insertSource = `
  INSERT INTO runbook_sources (filename, sha256, content, repaired_text, decode_report, imported_at, imported_by_type, imported_by_id, imported_by_name)
  VALUES ($1, $2, decode($3, 'base64'), $4, $5, $6, $7, $8, $9)
  ON CONFLICT (sha256) DO NOTHING RETURNING id`;
const selectSourceBySha = `SELECT id FROM runbook_sources WHERE sha256 = $1`;
const updateSourceReport = `UPDATE runbook_sources SET extraction_report = $2 WHERE id = $1`;

/**
 * Stores a prepared file on the caller's transaction: the source (found again by its SHA-256),
 * each runbook (created, or a new version when its content changed, which also restores a deleted
 * one), the drafts (found again by content), then one audit row. Returns the import report.
 * Runbooks and drafts are written a whole file at a time, in key order (see
 * `storeImportedRunbooks`), so that the statements do not grow with the size of the file.
 */
export async function storeRunbookImport(ctx: Ctx, prepared: PreparedImport): Promise<ImportReport> {
  const source = await storeSource(ctx, prepared);
  const runbooks = await storeImportedRunbooks(ctx, prepared, source.id);
  const drafts = await storeImportedDrafts(ctx, prepared.extraction.drafts, source.id);
  const { rows: services } = await ctx.db.query<{ id: string; name: string }>(selectServiceNames);
  const lint = lintExtraction(prepared.extraction, { services }, prepared.runbookIds);
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
  const { content } = prepared;
  const base64 = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64');
  const inserted = await ctx.db.query<{ id: string }>(insertSource, [
    prepared.filename, prepared.sha256, base64, prepared.text, JSON.stringify(prepared.decode), ctx.now(),
    actor.type, actorId(actor), actor.name,
  ]);
  if (inserted.rows[0] !== undefined) return { id: inserted.rows[0].id, created: true };
  const { rows } = await ctx.db.query<{ id: string }>(selectSourceBySha, [prepared.sha256]);
  return { id: rows[0]!.id, created: false };
}
