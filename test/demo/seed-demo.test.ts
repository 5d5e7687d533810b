import { describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

describe.each(testBackends)('demo data on $backend', ({ backend, available }) => {
  it.skipIf(!available)('loads a team, two services and one open incident, once', async () => {
    const test = await openTestDatabase(backend);
    try {
      expect((await bootstrapDatabase(test.db, { seed: seedDemo })).firstStart).toBe(true);
      expect((await bootstrapDatabase(test.db, { seed: seedDemo })).firstStart).toBe(false);
      const count = async (table: string) =>
        (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
      expect(await count('teams')).toBe(1);
      expect(await count('services')).toBe(2);
      const { rows } = await test.db.query<{ status: string }>('SELECT status FROM incidents');
      expect(rows).toEqual([{ status: 'acknowledged' }]);
    } finally {
      await test.close();
    }
  });
});
