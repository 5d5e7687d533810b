import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import type { RunbookSummary } from './runbook-api-model.js';
import { toRunbookSummary, type RunbookSummaryRow } from './runbook-row.js';
import { selectRunbookSummaryColumns } from './runbook-statements.js';

const lockRunbookRow = `SELECT title, deleted_at FROM runbooks WHERE id = $1 FOR UPDATE`;
const markDeleted = `UPDATE runbooks SET deleted_at = $2, deleted_by = $3 WHERE id = $1`;

/**
 * Hides a runbook (admin): it leaves the lists but keeps its versions, and a later import with
 * new content restores it. Deleting a deleted runbook changes nothing and writes nothing.
 */
export async function deleteRunbook({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RunbookSummary> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const current = (await tx.db.query<{ title: string; deleted_at: Date | null }>(lockRunbookRow, [input.id])).rows[0];
    if (current === undefined) throw notFound('runbook', input.id);
    if (current.deleted_at === null) {
      await tx.db.query(markDeleted, [input.id, tx.now(), tx.actor.name]);
      await recordAudit(tx, {
        action: 'runbook.delete',
        targetType: 'runbook',
        targetId: input.id,
        details: { title: current.title },
      });
    }
    const { rows } = await tx.db.query<RunbookSummaryRow>(`${selectRunbookSummaryColumns} WHERE r.id = $1`, [input.id]);
    return toRunbookSummary(rows[0]!);
  });
}
