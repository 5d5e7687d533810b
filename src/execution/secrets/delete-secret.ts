import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';

const deleteStatement = `DELETE FROM secrets WHERE name = $1 RETURNING name`;

/** Removes a stored secret (admins only); steps that used it then ask for the value again. */
export async function deleteSecret({ ctx, input }: { ctx: Ctx; input: { name: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query(deleteStatement, [input.name]);
    if (rows.length === 0) throw notFound('secret', input.name);
    await recordAudit(tx, { action: 'secret.delete', targetType: 'secret', targetId: input.name, details: {} });
  });
}
