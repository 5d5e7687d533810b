import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { RunbookVersionQuery } from './get-runbook.js';
import { loadRunbookVersion } from './load-runbook-version.js';
import { renderRunbookMarkdown } from './render-runbook-markdown.js';

/** A runbook (current version, or `version`) as canonical Markdown: what `runbook export` writes. */
export async function getRunbookMarkdown({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & RunbookVersionQuery;
}): Promise<string> {
  requireRole(ctx, 'viewer');
  const row = await loadRunbookVersion(ctx.db, input.id, input.version);
  return renderRunbookMarkdown(row.structure);
}
