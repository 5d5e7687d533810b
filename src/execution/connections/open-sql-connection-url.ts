import { conflict, notFound } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import { decryptSecret, SecretCryptoError } from '../secrets/secret-crypto.js';
import { secretKeyRequired, sqlConnectionSealingContext } from './sql-connection-model.js';

const selectSealedUrl = `SELECT sealed_url FROM sql_connections WHERE name = $1`;

/**
 * The URL of a stored connection, password included, to connect with: never to show, log or
 * store. Throws a 404 naming the connection when there is none, and a 409 when the server has no
 * key or not the key the URL was sealed with.
 */
export async function openSqlConnectionUrl(db: Queryable, name: string, key: Uint8Array | null): Promise<string> {
  if (key === null) throw conflict(secretKeyRequired, { requires: 'ASTREINTE_SECRET_KEY' });
  const { rows } = await db.query<{ sealed_url: string }>(selectSealedUrl, [name]);
  const row = rows[0];
  if (row === undefined) throw notFound('SQL connection', name);
  try {
    return decryptSecret(row.sealed_url, key, sqlConnectionSealingContext(name));
  } catch (error) {
    if (!(error instanceof SecretCryptoError)) throw error;
    throw conflict(
      `the URL of SQL connection ${name} cannot be opened with this server's key (${error.reason}): set it again, or restore the key`,
      {
        connection: name,
      },
    );
  }
}
