import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import {
  sqlConnectionColumns,
  toSqlConnection,
  type SqlConnection,
  type SqlConnectionRow,
} from './sql-connection-model.js';

const selectConnections = `SELECT ${sqlConnectionColumns} FROM sql_connections ORDER BY name`;

/**
 * The PostgreSQL connections SQL steps can run against, by name, each URL without its password.
 * Responders see them: they choose where a step runs.
 */
export async function listSqlConnections({ ctx }: { ctx: Ctx }): Promise<SqlConnection[]> {
  requireRole(ctx, 'responder');
  const { rows } = await ctx.db.query<SqlConnectionRow>(selectConnections);
  return rows.map(toSqlConnection);
}
