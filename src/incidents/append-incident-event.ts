import { actorId, type Actor } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { appendEvent, appendEvents, appendEventsOfIncidents } from './incident-statements.js';
import type { NewTimelineEvent } from './timeline-events.js';

/**
 * Appends one event to an incident's timeline, in one statement, and returns its seq. Only the
 * types and payloads of `TimelinePayloads` are accepted.
 *
 * What keeps seq gap-free is that statement alone, not a lock taken before: its
 * `UPDATE incidents … RETURNING last_event_seq` bumps the counter on the incident's row and holds
 * that row's lock until the transaction ends. A concurrent append to the same incident waits on
 * the row, then reads the committed counter; a rolled-back append takes its increment with it.
 * So a caller need not lock first. It locks first (`lockIncidentRow`) only when what it writes
 * depends on what it read of the incident (its status, severity, roles), so that what it read
 * still holds at commit — every such caller does; the others (alerts, runs, notifications) read
 * nothing of the incident and append straight away.
 */
export async function appendIncidentEvent(ctx: Ctx, incidentId: string, event: NewTimelineEvent): Promise<number> {
  const { rows } = await ctx.db.query<{ seq: number }>(appendEvent, [
    incidentId,
    event.type,
    ctx.now(),
    ctx.actor.type,
    actorId(ctx.actor),
    ctx.actor.name,
    JSON.stringify(event.payload),
  ]);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error(`incident ${incidentId} vanished while appending to its timeline`);
  return seq;
}

/**
 * Appends several events of one actor to an incident's timeline, in order, in one statement (the
 * same counter and row lock as `appendIncidentEvent`): alert ingestion writes an event per alert,
 * and fifty alerts of one group arrive together.
 */
export async function appendIncidentEvents(
  ctx: Ctx,
  incidentId: string,
  events: readonly NewTimelineEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rowsJson = events.map((event) => ({ type: event.type, payload: event.payload }));
  const { rows } = await ctx.db.query(appendEvents, [
    incidentId,
    ctx.now(),
    ctx.actor.type,
    actorId(ctx.actor),
    ctx.actor.name,
    JSON.stringify(rowsJson),
  ]);
  if (rows.length === 0) throw new Error(`incident ${incidentId} vanished while appending to its timeline`);
}

/** The events one actor appends to one incident, for `appendEventsToIncidents`. */
export interface IncidentEvents {
  incidentId: string;
  actor: Actor;
  events: readonly NewTimelineEvent[];
}

/**
 * Appends the events of several incidents in one statement (the same counters and row locks as
 * `appendIncidentEvents`): an alert flush writes an event per alert into tens of incidents, and
 * a statement per incident cost more than its rows.
 */
export async function appendEventsToIncidents(ctx: Ctx, batches: readonly IncidentEvents[]): Promise<void> {
  const given = batches.filter((batch) => batch.events.length > 0);
  if (given.length === 0) return;
  const { rows } = await ctx.db.query<{ incidents: number }>(appendEventsOfIncidents, [
    ctx.now(),
    JSON.stringify(
      given.map(({ incidentId, actor, events }) => ({
        incident_id: incidentId,
        actor_type: actor.type,
        actor_id: actorId(actor),
        actor_name: actor.name,
        events: events.map((event) => ({ type: event.type, payload: event.payload })),
      })),
    ),
  ]);
  const incidents = new Set(given.map((batch) => batch.incidentId)).size;
  if (rows[0]?.incidents !== incidents)
    throw new Error(`an incident vanished while appending to ${incidents} timelines`);
}
