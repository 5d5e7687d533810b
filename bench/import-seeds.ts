/**
 * Import speed: the five seed runbooks imported together, after start-up. Start-up work is done
 * first, as a server does it: the embedded database is opened, migrated and bootstrapped, then a
 * runbook file of our own (warm-up-runbook.md: tables, task lists, shell and SQL steps, drafts of
 * every kind, mojibake) is imported 30 times, so that the Markdown parser, the shell parser and
 * codepage tables are loaded and the JIT has compiled the importer. Nothing an import computes is
 * kept from one import to the next. Then each round times decode + extract + lint of the seeds
 * (in memory, as `astreinte runbook lint` does), empties the runbook tables (not timed), and
 * times their full import together, as one multi-file upload (`POST /api/v1/runbook-sources` with
 * five parts) does it: one transaction, each table written once for all files, into that same
 * database; every runbook, version, draft and source is new again, as on a first import. It
 * also times the five files imported one at a time (one request and transaction each, as
 * `astreinte runbook import` sends them).
 *
 * `--fresh-db` imports into a newly created database each round instead (the earlier method).
 * It measures more than the import: every embedded database started holds hundreds of megabytes
 * of WebAssembly memory, and the garbage collection that follows slows down the work after it.
 * Run: npx tsx bench/import-seeds.ts [rounds, default 31: the machine is noisy, the median needs many] [--fresh-db]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapDatabase } from '../src/auth/bootstrap-admin.js';
import { systemActor } from '../src/core/actor.js';
import type { Ctx } from '../src/core/context.js';
import { importRunbookSource } from '../src/runbooks/import-runbook-source.js';
import { importRunbookSources } from '../src/runbooks/import-runbook-sources.js';
import { lintExtraction } from '../src/runbooks/lint/lint-runbook.js';
import { prepareRunbookImport } from '../src/runbooks/prepare-runbook-import.js';
import type { Database } from '../src/storage/database.js';
import { migrateDatabase } from '../src/storage/migrate.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';

/** What an import writes, emptied between rounds (the tables that reference them are empty here). */
const emptyRunbookTables = `TRUNCATE runbook_versions, runbooks, runbook_drafts, runbook_sources CASCADE`;

const seedDir = process.env['ASTREINTE_SEED_DIR'] ?? fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ filename: f, content: new Uint8Array(readFileSync(join(seedDir, f))) }));
const args = process.argv.slice(2);
const freshDatabases = args.includes('--fresh-db');
const rounds = Number(args.find((arg) => !arg.startsWith('--')) ?? 31);
const warmup = {
  filename: 'warm-up-runbook.md',
  content: new Uint8Array(readFileSync(fileURLToPath(new URL('warm-up-runbook.md', import.meta.url)))),
};
const warmupImports = 30;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (values: number[]): string =>
  `median ${median(values).toFixed(1)} ms (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)})`;

async function startedDatabase(): Promise<Database> {
  const db = await openPgliteDatabase(undefined);
  await migrateDatabase(db);
  await bootstrapDatabase(db);
  return db;
}

const ctxOn = (db: Database): Ctx => ({ actor: systemActor, requestId: 'bench', db, now: () => new Date() });

let db = await startedDatabase();
for (let i = 0; i < warmupImports; i += 1) {
  // Emptied each time, so that the warm-up creates runbooks and drafts as the rounds do.
  await db.exec(emptyRunbookTables);
  await importRunbookSource({ ctx: ctxOn(db), input: warmup });
}

const inMemory: number[] = [];
const total: number[] = [];
const oneByOne: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  let start = performance.now();
  for (const seed of seeds) {
    // As `astreinte runbook lint` does it: no database, so no service catalogue.
    const prepared = await prepareRunbookImport(seed);
    lintExtraction(prepared.extraction, { services: null }, prepared.runbookIds);
  }
  inMemory.push(performance.now() - start);
  if (freshDatabases) {
    await db.close();
    db = await startedDatabase();
  } else {
    await db.exec(emptyRunbookTables);
  }
  const ctx = ctxOn(db);
  start = performance.now();
  const reports = await importRunbookSources({ ctx, input: { files: seeds } });
  total.push(performance.now() - start);
  if (round === 0)
    console.log(
      `imported ${seeds.length} files, ${reports.reduce((n, report) => n + report.runbooks.length, 0)} runbooks per round`,
    );
  await db.exec(emptyRunbookTables);
  start = performance.now();
  for (const seed of seeds) await importRunbookSource({ ctx, input: seed });
  oneByOne.push(performance.now() - start);
}
await db.close();
const where = freshDatabases ? 'a new PGlite database each round' : 'PGlite, emptied between rounds';
console.log(`decode + extract + lint, 5 seeds: ${summary(inMemory)}`);
console.log(`full import with storage (${where}), 5 seeds together: ${summary(total)}`);
console.log('target: under 100 ms');
console.log(`the same, one file at a time (a transaction each): ${summary(oneByOne)}`);
