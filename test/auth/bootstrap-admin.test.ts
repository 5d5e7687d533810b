import { describe, expect, it } from 'vitest';
import { TokenTouches } from '../../src/auth/token-touches.js';
import { authenticateToken } from '../../src/auth/authenticate-token.js';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { hashSetupToken } from '../../src/auth/setup-link-secret.js';
import { hashTokenSecret } from '../../src/auth/token-secret.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

describe.each(testBackends)('first start on $backend', ({ backend, available }) => {
  it.skipIf(!available)('creates one admin, a token and a setup link shown once, stored only as hashes', async () => {
    const test = await openTestDatabase(backend);
    try {
      const first = await bootstrapDatabase(test.db);
      expect(first.firstStart).toBe(true);
      expect(first.adminToken).toMatch(/^ast_[A-Za-z0-9_-]{43}$/);
      const again = await bootstrapDatabase(test.db);
      expect(again).toEqual({ firstStart: false, adminToken: null, setupToken: null });
      const { rows } = await test.db.query<{ token_hash: string; prefix: string }>(
        'SELECT token_hash, prefix FROM api_tokens',
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toBe(hashTokenSecret(first.adminToken!));
      expect(JSON.stringify(rows)).not.toContain(first.adminToken!);
      expect(first.setupToken).toMatch(/^asu_[A-Za-z0-9_-]{43}$/);
      const links = await test.db.query<{ token_hash: string }>('SELECT token_hash FROM setup_links');
      expect(links.rows).toEqual([{ token_hash: hashSetupToken(first.setupToken!) }]);
      const actor = await authenticateToken(test.db, first.adminToken!, new Date(), new TokenTouches());
      expect(actor).toMatchObject({ type: 'user', name: 'Administrator', role: 'admin' });
      const audit = await test.db.query('SELECT actor_type, action FROM audit_log ORDER BY id');
      expect(audit.rows).toEqual([
        { actor_type: 'system', action: 'api_token.create' },
        { actor_type: 'system', action: 'setup_link.create' },
      ]);
    } finally {
      await test.close();
    }
  });

  it.skipIf(!available)('runs the seed with the bootstrap and rolls both back if the seed fails', async () => {
    const test = await openTestDatabase(backend);
    try {
      await expect(
        bootstrapDatabase(test.db, { seed: () => Promise.reject(new Error('seed failed')) }),
      ).rejects.toThrow('seed failed');
      expect((await test.db.query('SELECT 1 FROM users')).rows).toHaveLength(0);
      const retried = await bootstrapDatabase(test.db, {
        seed: async (ctx) => {
          await ctx.db.query(`INSERT INTO teams (id, name) VALUES ('demo', 'Demo')`);
        },
      });
      expect(retried.firstStart).toBe(true);
      expect((await test.db.query('SELECT id FROM teams')).rows).toEqual([{ id: 'demo' }]);
    } finally {
      await test.close();
    }
  });
});

describe.skipIf(!testBackends[1]!.available)('first start of several nodes on one PostgreSQL', () => {
  it('bootstraps exactly once', async () => {
    const test = await openTestDatabase('postgres');
    const nodes = await Promise.all([1, 2, 3, 4].map(() => openPostgresDatabase(test.url!, { poolSize: 2 })));
    try {
      const results = await Promise.all(nodes.map((node) => bootstrapDatabase(node)));
      expect(results.filter((r) => r.firstStart)).toHaveLength(1);
      expect((await test.db.query('SELECT 1 FROM users')).rows).toHaveLength(1);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
      await test.close();
    }
  });
});
