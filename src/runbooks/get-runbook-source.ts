import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { ImportReport, RunbookSource } from './runbook-api-model.js';
import { isUuid } from './runbook-row.js';

const selectSource = `
  SELECT id, filename, sha256, octet_length(content)::int AS bytes, decode_report, extraction_report, imported_at, imported_by_name
    FROM runbook_sources WHERE id = $1`;

interface SourceRow {
  [column: string]: unknown;
  id: string;
  filename: string;
  sha256: string;
  bytes: number;
  decode_report: ImportReport['decode'];
  extraction_report: Pick<ImportReport, 'runbooks' | 'drafts' | 'leftovers' | 'lint'>;
  imported_at: Date;
  imported_by_name: string;
}

/** A stored source file with the report of the import that first stored it (never its bytes). */
export async function getRunbookSource({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RunbookSource> {
  requireRole(ctx, 'viewer');
  // Not a UUID cannot exist; asking PostgreSQL would answer "wrong form" instead of 404.
  if (!isUuid(input.id)) throw notFound('runbook source', input.id);
  const row = (await ctx.db.query<SourceRow>(selectSource, [input.id])).rows[0];
  if (row === undefined) throw notFound('runbook source', input.id);
  const { runbooks = [], drafts = [], leftovers = [], lint = [] } = row.extraction_report;
  return {
    sourceId: row.id,
    filename: row.filename,
    sha256: row.sha256,
    decode: row.decode_report,
    runbooks,
    drafts,
    leftovers,
    lint,
    importedAt: row.imported_at.toISOString(),
    importedBy: row.imported_by_name,
    bytes: row.bytes,
  };
}
