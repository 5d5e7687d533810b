import { conflict, notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { toUser, type User, type UserRow } from './user-model.js';
import { lockUserById, selectUserById, selectUsernameOrEmailHolder, uuidPattern } from './user-statements.js';

/** Reads one user (active or not) as the API shows it, or throws not_found. */
export async function loadUser(db: Queryable, id: string): Promise<User> {
  return toUser(await loadUserRow(db, id, false));
}

/** The user's row, locked for the rest of the transaction when `lock`, or throws not_found. */
export async function loadUserRow(db: Queryable, id: string, lock: boolean): Promise<UserRow> {
  if (!uuidPattern.test(id)) throw notFound('user', id);
  const { rows } = await db.query<UserRow>(lock ? lockUserById : selectUserById, [id]);
  const row = rows[0];
  if (row === undefined) throw notFound('user', id);
  return row;
}

/**
 * Refuses (409, naming the field) a username or e-mail another user already has. The unique
 * indexes stay the last word on a race; this check exists to say which field clashed.
 */
export async function assertUniqueIdentity(
  db: Queryable,
  identity: { username: string | null; email: string | null },
  exceptId: string | null,
): Promise<void> {
  const { rows } = await db.query<{ same_username: boolean | null; same_email: boolean | null }>(
    selectUsernameOrEmailHolder,
    [identity.username, identity.email, exceptId],
  );
  if (rows.some((r) => r.same_username === true)) {
    throw conflict(`username ${identity.username} is taken`, { field: 'username', value: identity.username });
  }
  if (rows.some((r) => r.same_email === true)) {
    throw conflict(`e-mail ${identity.email} is used by another user`, { field: 'email', value: identity.email });
  }
}
