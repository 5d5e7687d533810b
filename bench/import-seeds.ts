/**
 * Import speed: the five seed runbooks imported together, after start-up. Start-up work (loading
 * the Markdown parser, the shell parser, codepage tables; JIT warm-up) is done first by
 * importing a runbook of our own; then each round imports the five seeds into a fresh embedded
 * database and times decode + extract + lint (in memory) and the store (one transaction per file).
 * Run: npx tsx bench/import-seeds.ts [rounds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapDatabase } from '../src/auth/bootstrap-admin.js';
import { systemActor } from '../src/core/actor.js';
import type { Ctx } from '../src/core/context.js';
import { importRunbookSource } from '../src/runbooks/import-runbook-source.js';
import { prepareRunbookImport } from '../src/runbooks/prepare-runbook-import.js';
import { migrateDatabase } from '../src/storage/migrate.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';

const seedDir = process.env['ASTREINTE_SEED_DIR'] ?? fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ filename: f, content: new Uint8Array(readFileSync(join(seedDir, f))) }));
const rounds = Number(process.argv[2] ?? 7);
const warmup = new TextEncoder().encode('# Warm-up\n\n## Symptoms\n- slow\n\n## Fix\n\n```bash\nsudo systemctl restart app && redis-cli ping\n```\n\n```sql\nSELECT 1;\n```\n');

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function freshCtx(): Promise<Ctx> {
  const db = await openPgliteDatabase(undefined);
  await migrateDatabase(db);
  await bootstrapDatabase(db);
  return { actor: systemActor, requestId: 'bench', db, now: () => new Date() };
}

const ctx0 = await freshCtx();
for (let i = 0; i < 3; i += 1) await importRunbookSource({ ctx: ctx0, input: { filename: `warmup-${i}.md`, content: warmup } });

const inMemory: number[] = [];
const total: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  let start = performance.now();
  for (const seed of seeds) await prepareRunbookImport(seed);
  inMemory.push(performance.now() - start);
  const ctx = await freshCtx();
  start = performance.now();
  let runbooks = 0;
  for (const seed of seeds) runbooks += (await importRunbookSource({ ctx, input: seed })).runbooks.length;
  total.push(performance.now() - start);
  if (round === 0) console.log(`imported ${seeds.length} files, ${runbooks} runbooks per round`);
}
console.log(`decode + extract + lint, 5 seeds: median ${median(inMemory).toFixed(1)} ms (min ${Math.min(...inMemory).toFixed(1)}, max ${Math.max(...inMemory).toFixed(1)})`);
console.log(`full import with storage (PGlite), 5 seeds: median ${median(total).toFixed(1)} ms (min ${Math.min(...total).toFixed(1)}, max ${Math.max(...total).toFixed(1)})`);
console.log('target: under 100 ms');
