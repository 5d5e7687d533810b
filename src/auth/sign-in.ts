import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import type { Role } from '../core/actor.js';
import { AppError } from '../core/app-error.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { decoyPasswordHash, verifyPassword } from './password-hash.js';
import { csrfTokenOf, generateSessionSecret, hashSessionSecret, sessionMaxMs } from './session-secret.js';

export const SignInInput = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type SignInInput = Static<typeof SignInInput>;

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
}

export interface SignedIn {
  /** The cookie's value: shown once, only its hash is kept. */
  secret: string;
  csrfToken: string;
  expiresAt: string;
  user: SessionUser;
}

const selectUser = `SELECT id, username, name, role, password_hash FROM users WHERE lower(username) = lower($1) AND deactivated_at IS NULL`;
const insertSession = `
  INSERT INTO sessions (secret_hash, user_id, created_at, expires_at, last_seen_at, user_agent, source_ip) VALUES ($1, $2, $3, $4, $3, $5, $6) RETURNING id`;

/**
 * Signs a person in with their user name and password, opening a session (the console's cookie).
 * A wrong name, a wrong password and a user without a password all answer the same 401 after
 * the same work, so neither the answer nor its time tells which names exist. `ctx.actor` is the
 * anonymous caller; the audit row names the user signed in.
 */
export async function signIn({ ctx, input }: { ctx: Ctx; input: SignInInput }): Promise<SignedIn> {
  const { rows } = await ctx.db.query<{
    id: string;
    username: string;
    name: string;
    role: Role;
    password_hash: string | null;
  }>(selectUser, [input.username]);
  const user = rows[0];
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await decoyPasswordHash()));
  if (user === undefined || user.password_hash === null || !valid)
    throw new AppError('unauthenticated', 'wrong user name or password');
  return inTransaction(ctx, (tx) =>
    openSession(tx, { id: user.id, username: user.username, name: user.name, role: user.role }),
  );
}

/**
 * Opens a session for a person already authenticated (by password or single sign-on), on the
 * caller's transaction, with its `session.create` audit row naming them; `auditDetails` says how
 * they signed in when it was not with a password.
 */
export async function openSession(
  tx: Ctx,
  user: SessionUser,
  auditDetails?: Record<string, unknown>,
): Promise<SignedIn> {
  const secret = generateSessionSecret();
  const now = tx.now();
  const expiresAt = new Date(now.getTime() + sessionMaxMs);
  const { rows: created } = await tx.db.query<{ id: string }>(insertSession, [
    hashSessionSecret(secret),
    user.id,
    now,
    expiresAt,
    tx.origin?.userAgent ?? null,
    tx.origin?.ip ?? null,
  ]);
  await recordAudit(
    { ...tx, actor: { type: 'user', id: user.id, name: user.name, role: user.role } },
    {
      action: 'session.create',
      targetType: 'session',
      targetId: created[0]!.id,
      ...(auditDetails === undefined ? {} : { details: auditDetails }),
    },
  );
  return { secret, csrfToken: csrfTokenOf(secret), expiresAt: expiresAt.toISOString(), user };
}
