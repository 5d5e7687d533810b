import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}

const defaultUrl = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * Finds the PostgreSQL server the storage and API tests also run on: ASTREINTE_TEST_DATABASE_URL,
 * or a local server with the default credentials (as `.ci/run` sets it up). Without one, the
 * PostgreSQL leg is skipped and the reason printed.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env['ASTREINTE_TEST_DATABASE_URL'] ?? defaultUrl;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    project.provide('postgresAdminUrl', url);
    console.log(`PostgreSQL tests run on ${url.replace(/:[^:@/]*@/, ':***@')}`);
  } catch (error) {
    project.provide('postgresAdminUrl', null);
    console.warn(
      `SKIPPING the PostgreSQL leg of the storage and API tests: no server at ${url.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). Set ASTREINTE_TEST_DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
