import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { compileSchedule } from '../schedules/compile-schedule.js';
import { buildTimeline } from '../schedules/compute-shifts.js';
import { whoIsOnCall } from '../schedules/who-is-on-call.js';
import { scheduleColumns, type ScheduleRow } from './schedule-record.js';

export const ListOnCallNowQuery = Type.Object(
  {
    hours: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 24 * 90,
        default: 168,
        description: 'how far ahead the next shifts are looked for',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, default: 5, description: 'next shifts per schedule' }),
    ),
  },
  { additionalProperties: false },
);
export type ListOnCallNowQuery = Static<typeof ListOnCallNowQuery>;

const nullableString = Type.Union([Type.String(), Type.Null()]);
const instant = Type.String({ format: 'date-time' });

export const ScheduleOnCallSchema = Type.Object(
  {
    scheduleId: Type.String(),
    name: Type.String(),
    teamId: nullableString,
    timeZone: Type.String(),
    onCall: Type.Union(
      [
        Type.Object({
          userId: Type.String(),
          name: Type.String(),
          until: Type.Union([instant, Type.Null()]),
          overrideId: nullableString,
        }),
        Type.Null(),
      ],
      { description: 'null: nobody is on call now' },
    ),
    next: Type.Array(
      Type.Object({
        userId: nullableString,
        name: nullableString,
        start: instant,
        end: Type.Union([instant, Type.Null()], { description: 'null: no handoff within 40 days after it starts' }),
        overrideId: nullableString,
      }),
      {
        description:
          'the shifts starting within the look-ahead after the current one, in order; userId null is a gap with nobody on call',
      },
    ),
  },
  { title: 'ScheduleOnCall' },
);
export type ScheduleOnCall = Static<typeof ScheduleOnCallSchema>;

/**
 * For every schedule, who is on call now and until when, and the next shifts within `hours`
 * (viewer). Consecutive pieces of one person from one source are merged: a handoff to oneself
 * is no handoff.
 */
export async function listOnCallNow({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListOnCallNowQuery;
}): Promise<ScheduleOnCall[]> {
  requireRole(ctx, 'viewer');
  const [schedules, users] = await Promise.all([
    ctx.db.query<ScheduleRow>(`SELECT ${scheduleColumns} FROM schedules ORDER BY name, id`),
    ctx.db.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM users'),
  ]);
  const names = new Map(users.rows.map((row) => [row.id, row.name]));
  const nameOf = (userId: string): string => names.get(userId) ?? userId;
  const at = ctx.now();
  const from = at.getTime();
  const to = from + (input.hours ?? 168) * 3_600_000;
  // Shifts are computed past the look-ahead so that the last one shown ends when it really does,
  // not where the window happens to cut it.
  const horizon = to + 40 * 24 * 3_600_000;
  return schedules.rows.map((row) => {
    const now = whoIsOnCall(row.definition, at);
    const next = buildTimeline(compileSchedule(row.definition), from, horizon, { splitAtHandoffs: false })
      .filter((piece) => piece.start > from && piece.start < to)
      .slice(0, input.limit ?? 5)
      .map((piece) => ({
        userId: piece.userId,
        name: piece.userId === null ? null : nameOf(piece.userId),
        start: new Date(piece.start).toISOString(),
        end: piece.end >= horizon ? null : new Date(piece.end).toISOString(),
        overrideId: piece.overrideId,
      }));
    return {
      scheduleId: row.id,
      name: row.name,
      teamId: row.team_id,
      timeZone: row.definition.timeZone,
      onCall:
        now === null
          ? null
          : {
              userId: now.userId,
              name: nameOf(now.userId),
              until: now.until?.toISOString() ?? null,
              overrideId: now.overrideId,
            },
      next,
    };
  });
}
