import { recordAudit } from '../../audit/record-audit.js';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../storage/database.js';
import { checkSchedule } from '../schedules/check-schedule.js';
import type { Schedule } from '../schedules/schedule-model.js';
import {
  scheduleColumns,
  toScheduleRecord,
  type PutScheduleInput,
  type ScheduleRecord,
  type ScheduleRow,
} from './schedule-record.js';

const upsertSchedule = `
  INSERT INTO schedules (id, name, team_id, definition, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
  ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, team_id = EXCLUDED.team_id, definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at
  RETURNING ${scheduleColumns}, (xmax = 0) AS created`;

/** Refuses (400, naming each place) user ids the schedule names that are not active users. */
export async function assertScheduleUsers(db: Queryable, schedule: Schedule, path = '/definition'): Promise<void> {
  const places = [
    ...schedule.layers.flatMap((layer, index) =>
      layer.participants.map((user, at) => ({ user, path: `${path}/layers/${index}/participants/${at}` })),
    ),
    ...schedule.overrides.map((override, index) => ({
      user: override.userId,
      path: `${path}/overrides/${index}/userId`,
    })),
  ];
  if (places.length === 0) return;
  const { rows } = await db.query<{ id: string }>(
    'SELECT id::text AS id FROM users WHERE id::text = ANY($1::text[]) AND deactivated_at IS NULL',
    [[...new Set(places.map((place) => place.user))]],
  );
  const known = new Set(rows.map((row) => row.id));
  const issues = places
    .filter((place) => !known.has(place.user))
    .map((place) => ({ path: place.path, message: `no active user ${place.user}` }));
  if (issues.length > 0) throw validationError('unknown users in the schedule', issues);
}

/** Creates or replaces a schedule (admin): rotations, layers and overrides, checked whole. */
export async function putSchedule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & PutScheduleInput;
}): Promise<{ schedule: ScheduleRecord; created: boolean }> {
  requireRole(ctx, 'admin');
  const definition = checkSchedule(input.definition, '/definition');
  return inTransaction(ctx, async (tx) => {
    await assertScheduleUsers(tx.db, definition);
    if (input.teamId !== undefined && input.teamId !== null) {
      const { rows } = await tx.db.query('SELECT 1 FROM teams WHERE id = $1', [input.teamId]);
      if (rows.length === 0)
        throw validationError('unknown team', [{ path: '/teamId', message: `no team ${input.teamId}` }]);
    }
    const { rows } = await tx.db.query<ScheduleRow & { created: boolean }>(upsertSchedule, [
      input.id,
      input.name,
      input.teamId ?? null,
      JSON.stringify(definition),
      tx.now(),
    ]);
    const row = rows[0]!;
    await recordAudit(tx, {
      action: row.created ? 'schedule.create' : 'schedule.update',
      targetType: 'schedule',
      targetId: input.id,
      details: { layers: definition.layers.length, overrides: definition.overrides.length },
    });
    return { schedule: toScheduleRecord(row), created: row.created };
  });
}
