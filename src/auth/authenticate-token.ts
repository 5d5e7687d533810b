import { roleAtLeast, type Actor, type Role } from '../core/actor.js';
import { AppError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { hashTokenSecret, tokenPrefix } from './token-secret.js';
import type { TokenTouches } from './token-touches.js';

// A runner token belongs to no person; a person's token dies with their account.
const selectActiveToken = `
  SELECT t.id AS token_id, t.role AS token_role, t.name AS token_name, u.role AS user_role, u.id AS user_id, u.name
    FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id
   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
     AND (t.role = 'runner' OR (u.id IS NOT NULL AND u.deactivated_at IS NULL))`;

/** Writing last_used_at on every call would make each read a write: once a minute is enough. */
const touchToken = `UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`;

type TokenRow = {
  [column: string]: unknown;
  token_id: string;
  token_name: string;
} & (
  | { token_role: 'runner'; user_role: null; user_id: null; name: null }
  | { token_role: Role; user_role: Role; user_id: string; name: string }
);

/** Turns a bearer secret into the acting user, or throws unauthenticated (401). */
export async function authenticateToken(
  db: Queryable,
  secret: string | undefined,
  now: Date,
  touches: TokenTouches,
): Promise<Actor> {
  if (secret === undefined || secret.length === 0) {
    throw new AppError('unauthenticated', 'send an API token as "Authorization: Bearer <token>"');
  }
  if (!secret.startsWith(tokenPrefix) || secret.length > 200)
    throw new AppError('unauthenticated', 'this token is not valid');
  const { rows } = await db.query<TokenRow>(selectActiveToken, [hashTokenSecret(secret), now]);
  const row = rows[0];
  if (row === undefined) throw new AppError('unauthenticated', 'this token is not valid, revoked or expired');
  if (touches.due(row.token_id, now)) await db.query(touchToken, [row.token_id, now]);
  if (row.token_role === 'runner')
    return { type: 'runner', id: row.token_id, name: row.token_name, tokenId: row.token_id };
  // A token never acts above its owner's current role, even if the owner was demoted after it was issued.
  const role = roleAtLeast(row.user_role, row.token_role) ? row.token_role : row.user_role;
  return { type: 'user', id: row.user_id, name: row.name, role, tokenId: row.token_id };
}
