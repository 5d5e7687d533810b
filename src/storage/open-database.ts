import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

export interface DatabaseSettings {
  /** `postgres://…` selects a PostgreSQL server; undefined selects the embedded database. */
  url: string | undefined;
  /** Where the embedded database keeps its files; undefined keeps it in memory. */
  dataDir: string | undefined;
  poolSize?: number;
}

/** Opens the database the settings name. */
export function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.url !== undefined) {
    return openPostgresDatabase(settings.url, settings.poolSize === undefined ? {} : { poolSize: settings.poolSize });
  }
  return openPgliteDatabase(settings.dataDir);
}
