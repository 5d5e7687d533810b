import { validationError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';

/** Returns the active user with this id, or refuses (400 at `path`). */
export async function assertActiveUser(db: Queryable, id: string, path: string): Promise<{ id: string; name: string }> {
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM users WHERE id = $1::uuid AND deactivated_at IS NULL',
    [id],
  );
  const user = rows[0];
  if (user === undefined) throw validationError('unknown user', [{ path, message: `no active user ${id}` }]);
  return user;
}
