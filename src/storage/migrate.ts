import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root.js';
import { backendTraits } from './backend-differences.js';
import type { Database, Transaction } from './database.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Arbitrary constant: the advisory lock every node takes while migrating a shared database. */
const migrationLockKey = 7_402_311;

/** Reads the numbered SQL files (`001_init.sql`, …) in order. */
export async function loadMigrations(dir = join(projectRoot(), 'src', 'storage', 'migrations')): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(join(dir, file), 'utf8'),
    })),
  );
}

/**
 * Applies the migrations not yet applied, each in its own transaction. On a shared PostgreSQL,
 * nodes starting together queue on an advisory lock, so each migration runs exactly once.
 * Returns the names applied by this call.
 */
export async function migrateDatabase(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  // Even `CREATE TABLE IF NOT EXISTS` races between sessions (both see no table, one fails on
  // the catalog's unique index), so the bookkeeping table is created under the lock too.
  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  });
  const applied: string[] = [];
  for (const migration of all) {
    const done = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (existing.rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

async function lockMigrations(tx: Transaction): Promise<void> {
  if (backendTraits[tx.backend].advisoryLocks) await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
}
