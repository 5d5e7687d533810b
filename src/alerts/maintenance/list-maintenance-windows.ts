import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import {
  maintenanceColumns,
  toMaintenanceWindow,
  type MaintenanceWindow,
  type MaintenanceWindowRow,
} from './maintenance-window-model.js';

const selectWindows = `
  SELECT ${maintenanceColumns} FROM maintenance_windows
   WHERE ($1::boolean OR (cancelled_at IS NULL AND ends_at > $2)) AND ($3::text IS NULL OR service_id = $3)
   ORDER BY starts_at, id LIMIT 500`;

/** Maintenance windows not over yet, or all with `includePast` (viewer), optionally of one service. */
export async function listMaintenanceWindows({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { includePast?: boolean; serviceId?: string };
}): Promise<MaintenanceWindow[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<MaintenanceWindowRow>(selectWindows, [
    input.includePast ?? false,
    ctx.now(),
    input.serviceId ?? null,
  ]);
  return rows.map(toMaintenanceWindow);
}
