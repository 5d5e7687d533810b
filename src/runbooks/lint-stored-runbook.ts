import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { RunbookVersionQuery } from './get-runbook.js';
import { lintRunbook } from './lint/lint-runbook.js';
import { loadRunbookVersion } from './load-runbook-version.js';
import type { RunbookLint } from './runbook-api-model.js';
import type { Draft } from './runbook-model.js';
import { selectServiceNames } from './runbook-statements.js';

const selectSourceDrafts = `SELECT kind, title, data FROM runbook_drafts WHERE source_id = $1 ORDER BY created_at, id`;

/**
 * Lints a stored runbook (current version, or `version`) against today's service catalogue and
 * the drafts of the file it came from. Line numbers refer to that file.
 */
export async function lintStoredRunbook({ ctx, input }: { ctx: Ctx; input: { id: string } & RunbookVersionQuery }): Promise<RunbookLint> {
  requireRole(ctx, 'viewer');
  const row = await loadRunbookVersion(ctx.db, input.id, input.version);
  const [services, drafts] = await Promise.all([
    ctx.db.query<{ id: string; name: string }>(selectServiceNames),
    ctx.db.query<Pick<Draft, 'kind' | 'title' | 'data'>>(selectSourceDrafts, [row.source_id]),
  ]);
  // Stored drafts keep no position; lint rules over runbooks do not use it.
  const context = { services: services.rows, drafts: drafts.rows.map((draft) => ({ ...draft, lines: row.structure.lines })) };
  return { runbookId: row.id, version: row.version, findings: lintRunbook(row.structure, context, row.id) };
}
