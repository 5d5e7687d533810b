import { validationError } from '../core/app-error.js';
import type { Step } from '../runbooks/runbook-model.js';
import type { Queryable } from '../storage/database.js';

const selectNames = `SELECT name FROM sql_connections ORDER BY name`;

/**
 * The named connection a SQL step runs against: the one the operator names, else the one the
 * runbook names in the fence attributes (```` ```sql {"connection":"orders"} ````), else the only
 * one configured. Throws a 400 on `/connection` listing the configured names otherwise: running a
 * query on a database nobody chose is how the wrong one gets changed.
 */
export async function chooseSqlConnection(db: Queryable, step: Step, requested: string | undefined): Promise<string> {
  const named = requested ?? step.attributes['connection'];
  const names = (await db.query<{ name: string }>(selectNames)).rows.map((row) => row.name);
  if (named !== undefined && names.includes(named)) return named;
  if (named === undefined && names.length === 1) return names[0]!;
  const configured =
    names.length === 0
      ? 'none is configured yet (PUT /api/v1/sql-connections/{name})'
      : `configured: ${names.join(', ')}`;
  const message =
    named === undefined
      ? `step ${step.id} is SQL: name the connection to run it on`
      : `there is no SQL connection named "${named}"`;
  throw validationError(`${message}; ${configured}`, [
    { path: '/connection', message: named === undefined ? 'required for a SQL step' : 'unknown connection' },
  ]);
}
