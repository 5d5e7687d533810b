import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { actorId } from '../../core/actor.js';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { assertServicesExist } from '../../services/assert-services-exist.js';
import {
  maintenanceColumns,
  toMaintenanceWindow,
  type MaintenanceWindow,
  type MaintenanceWindowRow,
} from './maintenance-window-model.js';

export const CreateMaintenanceWindowInput = Type.Object(
  {
    serviceId: Type.String({ minLength: 1 }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type CreateMaintenanceWindowInput = Static<typeof CreateMaintenanceWindowInput>;

const insertWindow = `
  INSERT INTO maintenance_windows (service_id, starts_at, ends_at, reason, created_at, created_by_type, created_by_id, created_by_name)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  RETURNING ${maintenanceColumns}`;

/** Plans a maintenance of a service (responder): its alerts are stored but do not page meanwhile. */
export async function createMaintenanceWindow({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateMaintenanceWindowInput;
}): Promise<MaintenanceWindow> {
  requireRole(ctx, 'responder');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= startsAt.getTime())
    throw validationError('the window ends before it starts', [{ path: '/endsAt', message: 'must be after startsAt' }]);
  if (endsAt.getTime() <= ctx.now().getTime())
    throw validationError('the window is already over', [{ path: '/endsAt', message: 'must be in the future' }]);
  return inTransaction(ctx, async (tx) => {
    await assertServicesExist(tx.db, [input.serviceId], '/serviceId').catch(() => {
      throw validationError('unknown service', [{ path: '/serviceId', message: `unknown service ${input.serviceId}` }]);
    });
    const { actor } = tx;
    const { rows } = await tx.db.query<MaintenanceWindowRow>(insertWindow, [
      input.serviceId,
      startsAt,
      endsAt,
      input.reason,
      tx.now(),
      actor.type,
      actorId(actor),
      actor.name,
    ]);
    const window = toMaintenanceWindow(rows[0]!);
    await recordAudit(tx, {
      action: 'maintenance.create',
      targetType: 'maintenance_window',
      targetId: window.id,
      details: { serviceId: input.serviceId },
    });
    return window;
  });
}
