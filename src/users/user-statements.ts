import { userColumns } from './user-model.js';

/** SQL shared by several user operations. */

export const selectUserById = `SELECT ${userColumns} FROM users WHERE id = $1::uuid`;

export const lockUserById = `SELECT ${userColumns} FROM users WHERE id = $1::uuid FOR UPDATE`;

/** Another user already holding this username or e-mail (e-mail compared case-insensitively, as the unique index does). */
export const selectUsernameOrEmailHolder = `
  SELECT username = $1::text AS same_username, lower(email) = lower($2::text) AS same_email FROM users
   WHERE (username = $1::text OR lower(email) = lower($2::text)) AND ($3::uuid IS NULL OR id <> $3::uuid)`;

/** Ids are uuids: anything else names no user, so it is answered as not found rather than sent to SQL. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
