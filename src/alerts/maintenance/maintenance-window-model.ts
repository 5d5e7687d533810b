import { Type, type Static } from 'typebox';

export const MaintenanceWindowSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    serviceId: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    reason: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'MaintenanceWindow' },
);
export type MaintenanceWindow = Static<typeof MaintenanceWindowSchema>;

export interface MaintenanceWindowRow {
  [column: string]: unknown;
  id: string;
  service_id: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_by_name: string;
  created_at: Date;
  cancelled_at: Date | null;
}

export const maintenanceColumns =
  'id, service_id, starts_at, ends_at, reason, created_by_name, created_at, cancelled_at';

export function toMaintenanceWindow(row: MaintenanceWindowRow): MaintenanceWindow {
  return {
    id: row.id,
    serviceId: row.service_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    reason: row.reason,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  };
}
