import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { BackendName, Database } from '../../src/storage/database.js';
import { migrateDatabase } from '../../src/storage/migrate.js';
import { openPgliteDatabase } from '../../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';

/** The admin URL of the test PostgreSQL server, or null (with the reason printed once by global setup). */
export function postgresAdminUrl(): string | null {
  return inject('postgresAdminUrl');
}

/** Backends to run storage and API tests on: PGlite always, PostgreSQL when a server was found. */
export const testBackends: { backend: BackendName; available: boolean }[] = [
  { backend: 'pglite', available: true },
  { backend: 'postgres', available: postgresAdminUrl() !== null },
];

export interface TestDatabase {
  db: Database;
  /** URL of the fresh database (postgres only), for tests that start other processes on it. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the test PostgreSQL server
 * (dropped on close), so test files never see each other's rows.
 */
export async function openTestDatabase(
  backend: BackendName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let result: TestDatabase;
  if (backend === 'pglite') {
    const db = await openPgliteDatabase(undefined);
    result = { db, url: null, close: () => db.close() };
  } else {
    const adminUrl = postgresAdminUrl();
    if (adminUrl === null) throw new Error('no PostgreSQL server for the tests');
    const name = `astreinte_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openPostgresDatabase(url.toString(), { poolSize: 5 });
    result = {
      db,
      url: url.toString(),
      close: async () => {
        await db.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  if (options.migrate !== false) await migrateDatabase(result.db);
  return result;
}
