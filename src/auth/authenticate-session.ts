import type { Actor, Role } from '../core/actor.js';
import { AppError } from '../core/app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, type Ctx } from '../core/context.js';
import type { Queryable } from '../storage/database.js';
import { hashSessionSecret, sessionIdleMs } from './session-secret.js';

const selectSession = `
  SELECT s.id, s.last_seen_at, u.id AS user_id, u.name, u.role
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.secret_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.deactivated_at IS NULL`;
/** As for tokens: marking use on every call would make each read a write; once a minute is enough. */
const touchSession = `UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2::timestamptz - interval '1 minute'`;

/** The person a session cookie belongs to, or 401: unknown, signed out, idle too long, past its end, or its user deactivated. */
export async function authenticateSession(
  db: Queryable,
  secret: string,
  now: Date,
): Promise<Extract<Actor, { type: 'user' }>> {
  if (secret.length === 0 || secret.length > 200) throw new AppError('unauthenticated', 'this session is not valid');
  const { rows } = await db.query<{ id: string; user_id: string; name: string; role: Role }>(selectSession, [
    hashSessionSecret(secret),
    now,
    new Date(now.getTime() - sessionIdleMs),
  ]);
  const row = rows[0];
  if (row === undefined) throw new AppError('unauthenticated', 'this session has ended: sign in again');
  await db.query(touchSession, [row.id, now]);
  return { type: 'user', id: row.user_id, name: row.name, role: row.role, sessionId: row.id };
}

const revokeSession = `
  UPDATE sessions s SET revoked_at = $2 FROM users u
   WHERE s.secret_hash = $1 AND s.revoked_at IS NULL AND u.id = s.user_id
  RETURNING s.id, u.id AS user_id, u.name, u.role`;

/** Ends a session (sign-out), audited as its user; ending an ended one does nothing. */
export async function endSession(ctx: Ctx, secret: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ id: string; user_id: string; name: string; role: Role }>(revokeSession, [
      hashSessionSecret(secret),
      tx.now(),
    ]);
    const row = rows[0];
    if (row === undefined) return;
    await recordAudit(
      { ...tx, actor: { type: 'user', id: row.user_id, name: row.name, role: row.role } },
      { action: 'session.end', targetType: 'session', targetId: row.id },
    );
  });
}
