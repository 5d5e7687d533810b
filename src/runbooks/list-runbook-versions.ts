import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { RunbookVersion } from './runbook-api-model.js';
import { selectRunbookExists } from './runbook-statements.js';

const selectVersions = `
  SELECT v.version, v.structure->>'title' AS title, v.content_hash, v.source_id, s.filename, v.created_at, v.created_by
    FROM runbook_versions v JOIN runbook_sources s ON s.id = v.source_id
   WHERE v.runbook_id = $1 ORDER BY v.version DESC`;

interface VersionRow {
  [column: string]: unknown;
  version: number;
  title: string;
  content_hash: string;
  source_id: string;
  filename: string;
  created_at: Date;
  created_by: string;
}

/** The versions of a runbook, newest first, each with the file it came from. */
export async function listRunbookVersions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<RunbookVersion[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<VersionRow>(selectVersions, [input.id]);
  if (rows.length === 0 && (await ctx.db.query(selectRunbookExists, [input.id])).rows.length === 0)
    throw notFound('runbook', input.id);
  return rows.map((row) => ({
    version: row.version,
    title: row.title,
    contentHash: row.content_hash,
    sourceId: row.source_id,
    filename: row.filename,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
  }));
}
