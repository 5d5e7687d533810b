import { validationError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';

/** Refuses (400, naming each bad index) service ids the catalogue does not know. */
export async function assertServicesExist(db: Queryable, ids: readonly string[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await db.query<{ id: string }>('SELECT id FROM services WHERE id = ANY($1::text[])', [ids]);
  const known = new Set(rows.map((row) => row.id));
  const issues = ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: `${path}/${index}`, message: `unknown service ${id}` }],
  );
  if (issues.length > 0) throw validationError('unknown services', issues);
}
