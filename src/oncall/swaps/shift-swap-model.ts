import { Type, type Static } from 'typebox';

export const ShiftSwapSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    scheduleId: Type.String(),
    requestedBy: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    reason: Type.String(),
    status: Type.Enum(['open', 'taken', 'cancelled']),
    takenBy: Type.Union([Type.String(), Type.Null()]),
    overrideId: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'ShiftSwap' },
);
export type ShiftSwap = Static<typeof ShiftSwapSchema>;

export interface ShiftSwapRow {
  [column: string]: unknown;
  id: string;
  schedule_id: string;
  requested_by: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  status: ShiftSwap['status'];
  taken_by: string | null;
  override_id: string | null;
}

export const swapColumns = 'id, schedule_id, requested_by, starts_at, ends_at, reason, status, taken_by, override_id';

export function toShiftSwap(row: ShiftSwapRow): ShiftSwap {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    requestedBy: row.requested_by,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    reason: row.reason,
    status: row.status,
    takenBy: row.taken_by,
    overrideId: row.override_id,
  };
}
