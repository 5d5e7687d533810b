import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError, conflict, validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../storage/database.js';
import { encryptSecret } from '../secrets/secret-crypto.js';
import { keepsStoredPassword, restoreStoredPassword } from './keep-stored-password.js';
import { openSqlConnectionUrl } from './open-sql-connection-url.js';
import {
  displayConnectionUrl,
  secretKeyRequired,
  sqlConnectionColumns,
  sqlConnectionSealingContext,
  toSqlConnection,
  type SqlConnection,
  type SqlConnectionRow,
  type SqlConnectionServices,
} from './sql-connection-model.js';

export const PutSqlConnectionInput = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 4000,
      pattern: '^postgres(ql)?://',
      description:
        'postgres://user:password@host:5432/database?sslmode=require; stored sealed, never shown again with its password. ' +
        'A password written **** (as shown) keeps the stored one',
    }),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PutSqlConnectionInput = Static<typeof PutSqlConnectionInput>;

const upsertConnection = `
  INSERT INTO sql_connections (name, sealed_url, display_url, description, created_at, updated_at, updated_by_name)
  VALUES ($1, $2, $3, $4, $5, $5, $6)
  ON CONFLICT (name) DO UPDATE SET sealed_url = excluded.sealed_url, display_url = excluded.display_url, description = excluded.description,
                                   updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name
  RETURNING ${sqlConnectionColumns}, (xmax <> 0) AS replaced`;

/**
 * Stores a PostgreSQL connection SQL steps can run against (creating or replacing it), its URL
 * sealed with the server's key under the connection's name. A password sent back as shown (`****`)
 * keeps the stored one. Admins only; the audit row and every answer show the URL without its password.
 */
export async function putSqlConnection({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { name: string } & PutSqlConnectionInput;
  services: SqlConnectionServices;
}): Promise<SqlConnection> {
  requireRole(ctx, 'admin');
  const key = services.secretKey;
  if (key === null) throw conflict(secretKeyRequired, { requires: 'ASTREINTE_SECRET_KEY' });
  const displayUrl = checkedDisplayUrl(input.url);
  return inTransaction(ctx, async (tx) => {
    const url = keepsStoredPassword(input.url)
      ? restoreStoredPassword(input.url, await storedUrl(tx.db, input.name, key))
      : input.url;
    const sealed = encryptSecret(url, key, sqlConnectionSealingContext(input.name));
    const { rows } = await tx.db.query<SqlConnectionRow & { replaced: boolean }>(upsertConnection, [
      input.name,
      sealed,
      displayUrl,
      input.description ?? null,
      tx.now(),
      tx.actor.name,
    ]);
    const row = rows[0]!;
    await recordAudit(tx, {
      action: row.replaced ? 'sql_connection.replace' : 'sql_connection.create',
      targetType: 'sql_connection',
      targetId: input.name,
      details: { displayUrl },
    });
    return toSqlConnection(row);
  });
}

/** The stored URL of that name, password included, or null when there is none. */
async function storedUrl(db: Queryable, name: string, key: Uint8Array): Promise<string | null> {
  try {
    return await openSqlConnectionUrl(db, name, key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** The URL as shown, once it is known to be a postgres URL; messages never repeat it (it holds a password). */
function checkedDisplayUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw validationError('url is not a valid URL', [{ path: '/url', message: 'is not a valid URL' }]);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw validationError('url must be a postgres:// or postgresql:// URL', [
      { path: '/url', message: 'must start with postgres:// or postgresql://' },
    ]);
  }
  if (parsed.hostname === '' && parsed.searchParams.get('host') === null) {
    throw validationError('url must name a host', [{ path: '/url', message: 'must name a host (or give ?host=)' }]);
  }
  return displayConnectionUrl(url);
}
