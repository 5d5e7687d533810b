import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { RunbookVersionQuery } from './get-runbook.js';
import { lintRunbook } from './lint/lint-runbook.js';
import { loadRunbookVersion } from './load-runbook-version.js';
import type { RunbookLint } from './runbook-api-model.js';
import { selectServiceNames } from './runbook-statements.js';

/**
 * Lints a stored runbook (current version, or `version`) against today's service catalogue. Line
 * numbers refer to the file it came from.
 */
export async function lintStoredRunbook({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & RunbookVersionQuery;
}): Promise<RunbookLint> {
  requireRole(ctx, 'viewer');
  const row = await loadRunbookVersion(ctx.db, input.id, input.version);
  const services = await ctx.db.query<{ id: string; name: string }>(selectServiceNames);
  const context = { services: services.rows };
  return { runbookId: row.id, version: row.version, findings: lintRunbook(row.structure, context, row.id) };
}
