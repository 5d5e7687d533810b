import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { connectionUses } from '../runbook-uses.js';
import {
  sqlConnectionColumns,
  toSqlConnection,
  type ListedSqlConnection,
  type SqlConnectionRow,
} from './sql-connection-model.js';

const selectConnections = `SELECT ${sqlConnectionColumns} FROM sql_connections ORDER BY name`;

/**
 * The PostgreSQL connections SQL steps can run against, by name, each URL without its password.
 * and the runbooks whose SQL steps run on each. Responders see them: they choose where a step runs.
 */
export async function listSqlConnections({ ctx }: { ctx: Ctx }): Promise<ListedSqlConnection[]> {
  requireRole(ctx, 'responder');
  const { rows } = await ctx.db.query<SqlConnectionRow>(selectConnections);
  const uses = await connectionUses(
    ctx.db,
    rows.map((row) => row.name),
  );
  return rows.map((row) => ({ ...toSqlConnection(row), usedBy: uses.get(row.name) ?? [] }));
}
