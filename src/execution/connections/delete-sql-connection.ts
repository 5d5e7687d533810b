import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';

const deleteConnection = `DELETE FROM sql_connections WHERE name = $1 RETURNING display_url`;

/**
 * Removes a PostgreSQL connection (admins only). Steps that name it are refused from then on,
 * until a connection of that name is stored again.
 */
export async function deleteSqlConnection({ ctx, input }: { ctx: Ctx; input: { name: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ display_url: string }>(deleteConnection, [input.name]);
    const row = rows[0];
    if (row === undefined) throw notFound('SQL connection', input.name);
    await recordAudit(tx, {
      action: 'sql_connection.delete',
      targetType: 'sql_connection',
      targetId: input.name,
      details: { displayUrl: row.display_url },
    });
  });
}
