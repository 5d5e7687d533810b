import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { openSqlConnectionUrl } from './open-sql-connection-url.js';
import { withoutPassword, type SqlConnectionServices } from './sql-connection-model.js';

export const SqlConnectionTestSchema = Type.Object(
  {
    ok: Type.Boolean(),
    serverVersion: Type.Union([Type.String(), Type.Null()], { description: 'what SELECT version() answered' }),
    error: Type.Union([Type.String(), Type.Null()], { description: 'why it failed, as the driver or server said it' }),
    durationMs: Type.Integer(),
  },
  { title: 'SqlConnectionTest' },
);
export type SqlConnectionTest = Static<typeof SqlConnectionTestSchema>;

// Short: an admin is waiting on the answer, and a connection that takes longer would fail steps anyway.
const testTimeoutMs = 5000;

/**
 * Tries a stored connection: connects and runs `SELECT version()`. A failure is an answer
 * (`ok: false` with the driver's or server's message, the password removed), not an error; only
 * an unknown connection or a missing key are. Admins only: it opens the sealed URL.
 */
export async function testSqlConnection({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { name: string };
  services: SqlConnectionServices;
}): Promise<SqlConnectionTest> {
  requireRole(ctx, 'admin');
  const url = await openSqlConnectionUrl(ctx.db, input.name, services.secretKey);
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let client: pg.Client | null = null;
  try {
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: testTimeoutMs,
      query_timeout: testTimeoutMs,
      application_name: 'astreinte-connection-test',
    });
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return { ok: true, serverVersion: rows[0]?.version ?? null, error: null, durationMs: elapsed() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, serverVersion: null, error: withoutPassword(message, url), durationMs: elapsed() };
  } finally {
    await client?.end().catch(() => undefined);
  }
}
