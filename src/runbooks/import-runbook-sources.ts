import { AppError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { prepareRunbookImport, type PreparedImport, type RunbookUpload } from './prepare-runbook-import.js';
import type { ImportReport } from './runbook-api-model.js';
import { storeRunbookImports } from './store-runbook-imports.js';

/**
 * Imports several files at once (responder), all or nothing: every file is decoded and analysed
 * first, and one bad file (named by its position) stores none of them. One report, and one audit
 * row, per file.
 */
export async function importRunbookSources({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { files: RunbookUpload[] };
}): Promise<ImportReport[]> {
  requireRole(ctx, 'responder');
  const prepared: PreparedImport[] = [];
  for (const [index, file] of input.files.entries()) {
    try {
      prepared.push(await prepareRunbookImport(file));
    } catch (error) {
      throw error instanceof AppError ? inFile(error, index, file.filename) : error;
    }
  }
  return inTransaction(ctx, (tx) => storeRunbookImports(tx, prepared));
}

/** The same error, its message and field paths prefixed with the file they are about. */
function inFile(error: AppError, index: number, filename: string): AppError {
  const issues = Array.isArray(error.details['issues'])
    ? (error.details['issues'] as { path: string; message: string }[])
    : [];
  return new AppError(error.code, `${filename}: ${error.message}`, {
    ...error.details,
    file: filename,
    issues: issues.map((issue) => ({
      path: `/files/${index}${issue.path === '/' ? '' : issue.path}`,
      message: issue.message,
    })),
  });
}
