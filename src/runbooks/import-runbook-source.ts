import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { prepareRunbookImport, type RunbookUpload } from './prepare-runbook-import.js';
import type { ImportReport } from './runbook-api-model.js';
import { storeRunbookImports } from './store-runbook-imports.js';

/**
 * Imports one Markdown or text file (responder): decodes and repairs it, extracts its runbooks,
 * drafts and leftovers, then stores everything in one transaction. Importing the same bytes again
 * creates nothing new: the source, unchanged runbooks and known drafts are found again.
 */
export async function importRunbookSource({ ctx, input }: { ctx: Ctx; input: RunbookUpload }): Promise<ImportReport> {
  requireRole(ctx, 'responder');
  // Decoding and extraction need no database: done before the transaction, so it stays short.
  const prepared = await prepareRunbookImport(input);
  return inTransaction(ctx, async (tx) => (await storeRunbookImports(tx, [prepared]))[0]!);
}
