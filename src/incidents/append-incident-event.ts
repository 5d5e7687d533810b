import { actorId } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { appendEvent, appendEvents } from './incident-statements.js';

/**
 * Appends one event to an incident's timeline, in one statement: the seq counter lives on the
 * incident's row, which the statement locks until commit, so events get consecutive numbers with
 * no gap even when writers race. Callers that read the incident first lock it (`lockIncidentRow`).
 */
export async function appendIncidentEvent(
  ctx: Ctx,
  incidentId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<number> {
  const { rows } = await ctx.db.query<{ seq: number }>(appendEvent, [
    incidentId,
    type,
    ctx.now(),
    ctx.actor.type,
    actorId(ctx.actor),
    ctx.actor.name,
    JSON.stringify(payload),
  ]);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error(`incident ${incidentId} vanished while appending to its timeline`);
  return seq;
}

/**
 * Appends several events of one actor to an incident's timeline, in order, in one statement:
 * alert ingestion writes an event per alert, and fifty alerts of one group arrive together.
 */
export async function appendIncidentEvents(
  ctx: Ctx,
  incidentId: string,
  events: readonly { type: string; payload: Record<string, unknown> }[],
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
