import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Incident } from './incident-model.js';
import { loadIncident } from './load-incident.js';

/**
 * How far back each read looks again. Timeline ids come from a sequence: on PostgreSQL a
 * transaction may commit an id lower than one already read (it took its id first, committed
 * later). Re-reading the last ids and skipping those already sent catches such late commits.
 */
const lookBack = 500;

const selectChanges = `
  SELECT id, incident_id FROM incident_events WHERE id > $1 ORDER BY id LIMIT $2`;

/** A cursor over incident changes, for a live list: where it stands and which recent ids it saw. */
export interface IncidentCursor {
  after: number;
  seen: Set<number>;
}

/** A cursor starting now (only changes from now on), or after a given timeline id (resuming). */
export async function startIncidentCursor(ctx: Ctx, after: number | null): Promise<IncidentCursor> {
  requireRole(ctx, 'viewer');
  if (after !== null) return { after, seen: new Set() };
  const { rows } = await ctx.db.query<{ id: number | null }>('SELECT max(id)::int AS id FROM incident_events');
  return { after: rows[0]?.id ?? 0, seen: new Set() };
}

/**
 * The incidents changed since the cursor (declared, acknowledged, escalated, updated…), each once
 * as it stands now, with the timeline id that moved it (for `Last-Event-ID`); moves the cursor.
 */
export async function readIncidentChanges(
  ctx: Ctx,
  cursor: IncidentCursor,
  limit = 500,
): Promise<{ id: number; incident: Incident }[]> {
  const { rows } = await ctx.db.query<{ id: number; incident_id: string }>(selectChanges, [
    Math.max(0, cursor.after - lookBack),
    limit + lookBack,
  ]);
  const fresh = rows.filter((row) => !cursor.seen.has(Number(row.id)));
  const latest = new Map<string, number>();
  for (const row of fresh) {
    const id = Number(row.id);
    cursor.seen.add(id);
    latest.set(row.incident_id, id);
    cursor.after = Math.max(cursor.after, id);
  }
  // The seen set only needs the ids a re-read can return again.
  for (const id of cursor.seen) if (id <= cursor.after - lookBack) cursor.seen.delete(id);
  const now = ctx.now();
  const changes: { id: number; incident: Incident }[] = [];
  for (const [incidentId, id] of [...latest].sort((a, b) => a[1] - b[1]))
    changes.push({ id, incident: await loadIncident(ctx.db, incidentId, now) });
  return changes;
}
