import type { Role } from '../../src/core/actor.js';
import { inTransaction, type Ctx } from '../../src/core/context.js';
import type { PreparedImport } from '../../src/runbooks/prepare-runbook-import.js';
import type { ImportReport } from '../../src/runbooks/runbook-api-model.js';
import { sha256Hex } from '../../src/runbooks/runbook-hash.js';
import type { Draft, RunbookStructure } from '../../src/runbooks/runbook-model.js';
import { assignSlugs } from '../../src/runbooks/slugify-title.js';
import { storeRunbookImports } from '../../src/runbooks/store-runbook-imports.js';
import type { TestApp } from '../support/test-app.js';

/** A ctx acting as the test user of `role`. */
export function ctxAs(t: TestApp, role: Role): Ctx {
  return {
    actor: { type: 'user', id: t.users[role].id, name: `Test ${role}`, role },
    requestId: 'test',
    db: t.db,
    now: () => new Date(),
  };
}

/**
 * A file as the importer would have prepared it, with a hand-made extraction: storage is tested
 * without depending on the extractor. The text is derived from the structures so that equal
 * structures give equal bytes.
 */
export function preparedFile(
  filename: string,
  runbooks: RunbookStructure[],
  drafts: Draft[] = [],
  text = JSON.stringify({ runbooks, drafts }),
): PreparedImport {
  const content = Buffer.from(text, 'utf8');
  return {
    filename,
    content,
    sha256: sha256Hex(content),
    text,
    decode: {
      encoding: 'utf-8',
      lineEndings: 'lf',
      repairs: { codepage: null, count: 0, examples: [], unrepaired: 0 },
    },
    extraction: { runbooks, drafts, leftovers: [] },
    runbookIds: assignSlugs(runbooks.map((runbook) => runbook.title)),
  };
}

/** Stores a prepared file as `role` would through the import operation (one transaction). */
export function storeAs(t: TestApp, role: Role, prepared: PreparedImport): Promise<ImportReport> {
  return inTransaction(ctxAs(t, role), async (tx) => (await storeRunbookImports(tx, [prepared]))[0]!);
}

/** Stores several prepared files in one import, as the multi-file import operation does (one transaction). */
export function storeAllAs(t: TestApp, role: Role, files: PreparedImport[]): Promise<ImportReport[]> {
  return inTransaction(ctxAs(t, role), (tx) => storeRunbookImports(tx, files));
}

/** Row counts of the runbook tables and the audit log. */
export async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['runbook_sources', 'runbooks', 'runbook_versions', 'runbook_drafts', 'audit_log'];
  const entries = await Promise.all(
    tables.map(
      async (table) =>
        [table, (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n] as const,
    ),
  );
  return Object.fromEntries(entries);
}
