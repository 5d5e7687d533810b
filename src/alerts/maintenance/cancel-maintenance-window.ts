import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import {
  maintenanceColumns,
  toMaintenanceWindow,
  type MaintenanceWindow,
  type MaintenanceWindowRow,
} from './maintenance-window-model.js';

const cancelWindow = `
  UPDATE maintenance_windows SET cancelled_at = COALESCE(cancelled_at, $2) WHERE id = $1::uuid
  RETURNING ${maintenanceColumns}`;

/** Ends a maintenance window now (responder): the service's alerts page again. */
export async function cancelMaintenanceWindow({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<MaintenanceWindow> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<MaintenanceWindowRow>(cancelWindow, [input.id, tx.now()]);
    if (rows[0] === undefined) throw notFound('maintenance window', input.id);
    await recordAudit(tx, { action: 'maintenance.cancel', targetType: 'maintenance_window', targetId: input.id });
    return toMaintenanceWindow(rows[0]);
  });
}
