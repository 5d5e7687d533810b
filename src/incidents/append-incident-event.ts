import { actorId } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import { bumpEventSeq, bumpEventSeqBy, insertIncidentEvent, insertIncidentEvents } from './incident-statements.js';

/** Event types written by this domain; later domains (alerts, runs, notifications) add their own. */
export const coreEventTypes = [
  'incident_declared',
  'incident_acknowledged',
  'incident_mitigated',
  'incident_resolved',
  'incident_reopened',
  'incident_updated',
  'severity_changed',
  'services_changed',
  'role_assigned',
  'role_unassigned',
  'note_added',
  'status_update_posted',
  'checklist_attached',
  'checklist_item_checked',
  'checklist_item_unchecked',
] as const;
export type CoreEventType = (typeof coreEventTypes)[number];

/**
 * Appends one event to an incident's timeline. The caller must hold the incident's row lock
 * (`lockIncidentRow`) in the same transaction: the seq counter lives on that row, so events get
 * consecutive numbers with no gap even when writers race.
 */
export async function appendIncidentEvent(
  ctx: Ctx,
  incidentId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<number> {
  const now = ctx.now();
  const { rows } = await ctx.db.query<{ last_event_seq: number }>(bumpEventSeq, [incidentId, now]);
  const seq = rows[0]?.last_event_seq;
  if (seq === undefined) throw new Error(`incident ${incidentId} vanished while appending to its timeline`);
  await ctx.db.query(insertIncidentEvent, [
    incidentId,
    seq,
    type,
    now,
    ctx.actor.type,
    actorId(ctx.actor),
    ctx.actor.name,
    JSON.stringify(payload),
  ]);
  return seq;
}

/**
 * Appends several events of one actor to an incident's timeline, in order, in two statements
 * (the seq counter moves by their number at once): alert ingestion writes an event per alert,
 * and fifty alerts of one group arrive together. Same lock rule as `appendIncidentEvent`.
 */
export async function appendIncidentEvents(
  ctx: Ctx,
  incidentId: string,
  events: readonly { type: string; payload: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  const now = ctx.now();
  const { rows } = await ctx.db.query<{ last_event_seq: number }>(bumpEventSeqBy, [incidentId, now, events.length]);
  const last = rows[0]?.last_event_seq;
  if (last === undefined) throw new Error(`incident ${incidentId} vanished while appending to its timeline`);
  const first = last - events.length + 1;
  const rowsJson = events.map((event, index) => ({ seq: first + index, type: event.type, payload: event.payload }));
  await ctx.db.query(insertIncidentEvents, [incidentId, now, ctx.actor.type, actorId(ctx.actor), ctx.actor.name, JSON.stringify(rowsJson)]);
}
