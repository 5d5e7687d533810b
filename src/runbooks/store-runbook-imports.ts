import { recordAudits } from '../audit/record-audit.js';
import type { Ctx } from '../core/context.js';
import { lintExtraction } from './lint/lint-runbook.js';
import type { PreparedImport } from './prepare-runbook-import.js';
import type { ImportedRunbook, ImportReport } from './runbook-api-model.js';
import { selectServiceNames } from './runbook-statements.js';
import { storeImportSources } from './store-import-sources.js';
import { storeImportedDrafts } from './store-imported-drafts.js';
import { storeImportedRunbooks } from './store-imported-runbooks.js';

/** The reports of the sources this import created (a source found again keeps the report of its first import). */
const updateSourceReports = `
  UPDATE runbook_sources s SET extraction_report = u.report
    FROM json_to_recordset($1::json) AS u(id uuid, report jsonb)
   WHERE s.id = u.id`;

/**
 * Stores prepared files on the caller's transaction, as if one after the other: the sources
 * (found again by their SHA-256), each runbook (created, or a new version when its content
 * changed, which also restores a deleted one), the drafts (found again by content), then one
 * audit row per file. Returns one import report per file, in order. Every table is written in
 * one statement for all the files together (see `storeImportedRunbooks`): an embedded database
 * pays a fixed cost per statement, and the statements do not grow with the number of files.
 */
export async function storeRunbookImports(ctx: Ctx, files: readonly PreparedImport[]): Promise<ImportReport[]> {
  const sources = await storeImportSources(ctx, files);
  const sourceIds = sources.map((source) => source.id);
  const runbooks = await storeImportedRunbooks(ctx, files, sourceIds);
  const drafts = await storeImportedDrafts(
    ctx,
    files.map((file) => file.extraction.drafts),
    sourceIds,
  );
  const { rows: services } = await ctx.db.query<{ id: string; name: string }>(selectServiceNames);
  const reports = files.map((file, index): ImportReport => {
    const lint = lintExtraction(file.extraction, { services }, file.runbookIds);
    const findings = { runbooks: runbooks[index]!, drafts: drafts[index]!, leftovers: file.extraction.leftovers, lint };
    return {
      sourceId: sources[index]!.id,
      filename: file.filename,
      sha256: file.sha256,
      decode: file.decode,
      ...findings,
    };
  });
  const created = reports.filter((_, index) => sources[index]!.created);
  if (created.length > 0) {
    const rows = created.map(({ sourceId, runbooks: r, drafts: d, leftovers, lint }) => ({
      id: sourceId,
      report: { runbooks: r, drafts: d, leftovers, lint },
    }));
    await ctx.db.query(updateSourceReports, [JSON.stringify(rows)]);
  }
  await recordAudits(
    ctx,
    reports.map((report, index) => {
      const idsWith = (status: ImportedRunbook['status']): string[] =>
        report.runbooks.filter((r) => r.status === status).map((r) => r.id);
      return {
        action: 'runbook.import',
        targetType: 'runbook_source',
        targetId: report.sourceId,
        details: {
          filename: report.filename,
          sha256: report.sha256,
          newSource: sources[index]!.created,
          created: idsWith('created'),
          updated: idsWith('updated'),
          restored: idsWith('restored'),
          unchanged: idsWith('unchanged'),
          draftsCreated: report.drafts.filter((draft) => draft.status === 'created').length,
        },
      };
    }),
  );
  return reports;
}
