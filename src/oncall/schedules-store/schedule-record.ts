import { Type, type Static } from 'typebox';
import { ScheduleSchema, type Schedule } from '../schedules/schedule-model.js';
import { slugIdSchema } from '../../core/slug-id.js';

export const ScheduleIdSchema = slugIdSchema('dispatch-primary');

export const PutScheduleInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    teamId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    definition: ScheduleSchema,
  },
  { additionalProperties: false },
);
export type PutScheduleInput = Static<typeof PutScheduleInput>;

/** A stored schedule: its rotations (`definition`) and who it belongs to. */
export const ScheduleRecordSchema = Type.Object(
  {
    id: ScheduleIdSchema,
    name: Type.String(),
    teamId: Type.Union([Type.String(), Type.Null()]),
    definition: ScheduleSchema,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ScheduleRecord' },
);
export type ScheduleRecord = Static<typeof ScheduleRecordSchema>;

export interface ScheduleRow {
  [column: string]: unknown;
  id: string;
  name: string;
  team_id: string | null;
  definition: Schedule;
  created_at: Date;
  updated_at: Date;
}

export const scheduleColumns = 'id, name, team_id, definition, created_at, updated_at';

export function toScheduleRecord(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    name: row.name,
    teamId: row.team_id,
    definition: row.definition,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
