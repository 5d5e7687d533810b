import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { loadMigrations, migrateDatabase } from '../../src/storage/migrate.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

describe.each(testBackends)('storage on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    db = test.db;
    await db.query('CREATE TABLE scratch (id serial PRIMARY KEY, label text NOT NULL UNIQUE)');
  });
  afterAll(async () => {
    // Unset when the backend is unavailable, or when beforeAll failed before it: afterAll runs all the same.
    await (test as TestDatabase | undefined)?.close();
  });

  it.skipIf(!available)('reports which backend it is', () => {
    expect(db.backend).toBe(backend);
  });

  it.skipIf(!available)('applies every migration once and nothing on a second run', async () => {
    const all = await loadMigrations();
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    expect(await migrateDatabase(db)).toEqual([]);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version));
  });

  it.skipIf(!available)('returns the same JavaScript types on both backends', async () => {
    const { rows } = await db.query(
      `SELECT 5::int8 AS big, 3::int4 AS small, '2026-01-02T03:04:05Z'::timestamptz AS at, '{"a":[1]}'::jsonb AS doc,
              ARRAY['x','y']::text[] AS list, true AS flag, NULL::text AS nothing, gen_random_uuid() AS id`,
    );
    const row = rows[0]!;
    expect(row['big']).toBe(5);
    expect(row['small']).toBe(3);
    expect(row['at']).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(row['doc']).toEqual({ a: [1] });
    expect(row['list']).toEqual(['x', 'y']);
    expect(row['flag']).toBe(true);
    expect(row['nothing']).toBeNull();
    expect(row['id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.skipIf(!available)('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO scratch (label) VALUES ('kept')`);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO scratch (label) VALUES ('dropped')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ label: string }>('SELECT label FROM scratch ORDER BY label');
    expect(rows.map((r) => r.label)).toEqual(['kept']);
  });

  it.skipIf(!available)('joins the outer transaction from a nested call, rolling back both', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO scratch (label) VALUES ('outer')`);
        await tx.transaction(async (inner) => {
          await inner.query(`INSERT INTO scratch (label) VALUES ('inner')`);
        });
        throw new Error('after inner');
      }),
    ).rejects.toThrow('after inner');
    const { rows } = await db.query(`SELECT 1 FROM scratch WHERE label IN ('outer', 'inner')`);
    expect(rows).toHaveLength(0);
  });

  it.skipIf(!available)('surfaces constraint violations with their PostgreSQL code', async () => {
    await db.query(`INSERT INTO scratch (label) VALUES ('unique-one')`);
    await expect(db.query(`INSERT INTO scratch (label) VALUES ('unique-one')`)).rejects.toMatchObject({
      code: '23505',
    });
  });

  it.skipIf(!available)('counts the rows a write touched', async () => {
    await db.query(`INSERT INTO scratch (label) VALUES ('c1'), ('c2')`);
    const result = await db.query(`UPDATE scratch SET label = label || '!' WHERE label IN ('c1', 'c2')`);
    expect(result.rowCount).toBe(2);
  });
});

describe.skipIf(!testBackends[1]!.available)('migrations on a shared PostgreSQL', () => {
  it('run once when several nodes start at the same moment', async () => {
    const test = await openTestDatabase('postgres', { migrate: false });
    const nodes = await Promise.all([1, 2, 3].map(() => openPostgresDatabase(test.url!, { poolSize: 2 })));
    try {
      const applied = await Promise.all(nodes.map((node) => migrateDatabase(node)));
      const all = (await loadMigrations()).map((m) => m.name);
      expect(applied.flat().sort()).toEqual([...all].sort());
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
      await test.close();
    }
  });
});
