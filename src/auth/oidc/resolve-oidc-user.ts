import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.js';
import { roleAtLeast, roles } from '../../core/actor.js';
import type { Ctx } from '../../core/context.js';
import { userColumns, type UserRow } from '../../users/user-model.js';
import type { MappedOidcRole } from './map-oidc-role.js';
import type { OidcProfile } from './oidc-profile.js';
import { usernameCandidates } from './oidc-profile.js';
import { oidcRefusal } from './oidc-refusal.js';

/** The Astreinte user of an identity, or why there is none to sign in. */
export type ResolvedOidcUser =
  { kind: 'active'; user: UserRow; created: boolean } | { kind: 'deactivated'; user: UserRow };

const lockIdentityUser = `
  SELECT ${userColumns} FROM users
   WHERE id = (SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2) FOR UPDATE`;
const emailHolder = `SELECT id FROM users WHERE lower(email) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)`;
const takenUsernames = `SELECT username FROM users WHERE username = ANY($1::text[])`;
const updateUser = `UPDATE users SET name = $2, email = $3, role = $4, updated_at = $5 WHERE id = $1 RETURNING ${userColumns}`;
/** As `updateUser` does in users/: a token never carries more than its owner's role. */
const capTokenRoles = `UPDATE api_tokens SET role = $2 WHERE user_id = $1 AND role = ANY($3::text[]) AND revoked_at IS NULL`;
const insertUser = `
  INSERT INTO users (username, name, email, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${userColumns}`;
const insertIdentity = `INSERT INTO user_identities (issuer, subject, user_id, created_at, last_sign_in_at) VALUES ($1, $2, $3, $4, $4)`;
const touchIdentity = `UPDATE user_identities SET last_sign_in_at = $3 WHERE issuer = $1 AND subject = $2`;

/**
 * Finds the user of (issuer, subject), bringing their name, e-mail and role up to date with the
 * provider (the role follows the claims at every sign-in, down as well as up), or creates one.
 * Runs on the caller's transaction. An e-mail another user holds is never taken over: a known
 * person keeps their old address, a new one is refused. Two first sign-ins of one person racing
 * each other collide on the identity's key; the loser's sign-in fails and the next one works.
 */
export async function resolveOidcUser(
  tx: Ctx,
  input: { issuer: string; profile: OidcProfile; mapped: MappedOidcRole },
): Promise<ResolvedOidcUser> {
  const { issuer, profile, mapped } = input;
  const { rows } = await tx.db.query<UserRow>(lockIdentityUser, [issuer, profile.subject]);
  const known = rows[0];
  if (known !== undefined) {
    if (known.deactivated_at !== null) return { kind: 'deactivated', user: known };
    await tx.db.query(touchIdentity, [issuer, profile.subject, tx.now()]);
    return { kind: 'active', user: await refreshUser(tx, known, profile, mapped), created: false };
  }
  if (profile.email === null) {
    throw oidcRefusal(
      'oidc_no_email',
      `the provider gave no verified e-mail for subject ${profile.subject}; a new user needs one (ask for the email scope)`,
    );
  }
  if ((await tx.db.query(emailHolder, [profile.email, null])).rows.length > 0) {
    throw oidcRefusal(
      'oidc_email_in_use',
      `another user already has the e-mail of subject ${profile.subject}; accounts are never matched by e-mail`,
    );
  }
  const username = await freeUsername(tx, profile.usernameBase);
  const { rows: created } = await tx.db.query<UserRow>(insertUser, [
    username,
    profile.name,
    profile.email,
    mapped.role,
    tx.now(),
  ]);
  const user = created[0]!;
  await tx.db.query(insertIdentity, [issuer, profile.subject, user.id, tx.now()]);
  await recordAudit(actorTx(tx, user), {
    action: 'user.create',
    targetType: 'user',
    targetId: user.id,
    details: { username, role: user.role, source: 'oidc', issuer, matchedBy: mapped.matchedBy },
  });
  return { kind: 'active', user, created: true };
}

async function refreshUser(tx: Ctx, row: UserRow, profile: OidcProfile, mapped: MappedOidcRole): Promise<UserRow> {
  const emailFree =
    profile.email !== null &&
    profile.email !== row.email &&
    (await tx.db.query(emailHolder, [profile.email, row.id])).rows.length === 0;
  const email = emailFree ? profile.email! : row.email;
  const fields = [
    profile.name !== row.name ? 'name' : null,
    email !== row.email ? 'email' : null,
    mapped.role !== row.role ? 'role' : null,
  ].filter((field): field is string => field !== null);
  if (fields.length === 0) return row;
  const { rows } = await tx.db.query<UserRow>(updateUser, [row.id, profile.name, email, mapped.role, tx.now()]);
  const user = rows[0]!;
  const details: Record<string, unknown> = { fields, source: 'oidc' };
  if (mapped.role !== row.role) {
    details['role'] = { from: row.role, to: mapped.role, matchedBy: mapped.matchedBy };
    await tx.db.query(capTokenRoles, [row.id, mapped.role, roles.filter((r) => !roleAtLeast(mapped.role, r))]);
  }
  await recordAudit(actorTx(tx, user), { action: 'user.update', targetType: 'user', targetId: user.id, details });
  return user;
}

/** The first free candidate; past twenty namesakes, a random suffix. */
async function freeUsername(tx: Ctx, base: string): Promise<string> {
  const candidates = usernameCandidates(base);
  const { rows } = await tx.db.query<{ username: string }>(takenUsernames, [candidates]);
  const taken = new Set(rows.map((row) => row.username));
  return candidates.find((candidate) => !taken.has(candidate)) ?? `${base}-${randomBytes(4).toString('hex')}`;
}

/** The person acts on their own account when the provider's claims change it. */
function actorTx(tx: Ctx, user: UserRow): Ctx {
  return { ...tx, actor: { type: 'user', id: user.id, name: user.name, role: user.role } };
}
