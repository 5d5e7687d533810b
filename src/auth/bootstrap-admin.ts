import { systemCtx, type Ctx } from '../core/context.js';
import type { Database } from '../storage/database.js';
import { backendTraits } from '../storage/backend-differences.js';
import { createApiToken } from './create-api-token.js';
import { createSetupLink } from './create-setup-link.js';

/** Arbitrary constant: the lock nodes take while one of them bootstraps an empty shared database. */
const bootstrapLockKey = 7_402_312;

export interface BootstrapResult {
  /** True only for the call that found the database empty. */
  firstStart: boolean;
  /** The first admin token's secret: shown once, on first start, never stored in clear. */
  adminToken: string | null;
  /** The first admin's setup link token (choose a password in the console), on first start only. */
  setupToken: string | null;
}

/**
 * On an empty database, creates the first admin user, their token and setup link, then runs `seed` (demo data) in
 * the same transaction. The `meta` marker row makes this happen once, even when several nodes
 * start together on one PostgreSQL, and never again on restart.
 */
export async function bootstrapDatabase(
  db: Database,
  options: { now?: () => Date; seed?: (ctx: Ctx) => Promise<void> } = {},
): Promise<BootstrapResult> {
  const now = options.now ?? (() => new Date());
  return db.transaction(async (tx) => {
    if (backendTraits[tx.backend].advisoryLocks) await tx.query('SELECT pg_advisory_xact_lock($1)', [bootstrapLockKey]);
    const marker = await tx.query(
      `INSERT INTO meta (key, value) VALUES ('bootstrap', $1) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [JSON.stringify({ at: now().toISOString() })],
    );
    if (marker.rows.length === 0) return { firstStart: false, adminToken: null, setupToken: null };
    const ctx: Ctx = systemCtx(tx, now, 'bootstrap');
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (username, name, email, role) VALUES ('admin', 'Administrator', 'admin@localhost', 'admin') RETURNING id`,
    );
    const { secret } = await createApiToken({
      ctx,
      input: { userId: rows[0]!.id, name: 'first admin token', role: 'admin' },
    });
    const link = await createSetupLink({ ctx, input: { userId: rows[0]!.id } });
    if (options.seed !== undefined) await options.seed(ctx);
    return { firstStart: true, adminToken: secret, setupToken: link.token };
  });
}
