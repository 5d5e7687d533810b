import { Type, type Static } from 'typebox';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Queryable } from '../storage/database.js';
import type { TimelineEvent } from './incident-model.js';
import type { TimelineEventType, TimelinePayloads } from './timeline-events.js';
import { selectTimeline } from './incident-statements.js';

export const ListTimelineQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'only events with a greater seq (for polling)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
  },
  { additionalProperties: false },
);
export type ListTimelineQuery = Static<typeof ListTimelineQuery>;

interface EventRow {
  [column: string]: unknown;
  seq: number;
  type: TimelineEventType;
  occurred_at: Date;
  actor_type: 'user' | 'integration' | 'runner' | 'system';
  actor_id: string | null;
  actor_name: string;
  payload: TimelinePayloads[TimelineEventType];
}

/**
 * The one place a stored event is taken for its type: every row was written by
 * `appendIncidentEvent(s)`, which accepts nothing else. Nothing checks an old row against today's
 * payloads; its fields are sent back as stored.
 */
function toEvent(row: EventRow): TimelineEvent {
  return {
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    payload: row.payload,
  } as TimelineEvent;
}

/** Reads an incident's events in order, from `after` on. */
export async function readTimeline(
  db: Queryable,
  incidentId: string,
  after = 0,
  limit = 100_000,
): Promise<TimelineEvent[]> {
  const { rows } = await db.query<EventRow>(selectTimeline, [incidentId, after, limit]);
  return rows.map(toEvent);
}

/** One event by its seq (just written by the caller). */
export async function loadTimelineEvent(db: Queryable, incidentId: string, seq: number): Promise<TimelineEvent> {
  const [event] = await readTimeline(db, incidentId, seq - 1, 1);
  if (event === undefined) throw notFound('timeline event', `${incidentId}#${seq}`);
  return event;
}

/** The timeline of an incident, oldest first. */
export async function listTimeline({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & ListTimelineQuery;
}): Promise<TimelineEvent[]> {
  requireRole(ctx, 'viewer');
  const exists = await ctx.db.query('SELECT 1 FROM incidents WHERE id = $1', [input.id]);
  if (exists.rows.length === 0) throw notFound('incident', input.id);
  return readTimeline(ctx.db, input.id, input.after ?? 0, input.limit ?? 1000);
}
