import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import {
  sqlConnectionColumns,
  toSqlConnection,
  type SqlConnection,
  type SqlConnectionRow,
} from './sql-connection-model.js';

const selectConnection = `SELECT ${sqlConnectionColumns} FROM sql_connections WHERE name = $1`;

/** One PostgreSQL connection, its URL without its password; 404 when there is none of that name. */
export async function getSqlConnection({ ctx, input }: { ctx: Ctx; input: { name: string } }): Promise<SqlConnection> {
  requireRole(ctx, 'responder');
  const { rows } = await ctx.db.query<SqlConnectionRow>(selectConnection, [input.name]);
  const row = rows[0];
  if (row === undefined) throw notFound('SQL connection', input.name);
  return toSqlConnection(row);
}
