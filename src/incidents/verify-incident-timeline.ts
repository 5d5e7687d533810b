import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Incident } from './incident-model.js';
import { readTimeline } from './list-timeline.js';
import { loadIncident } from './load-incident.js';
import { projectTimeline, type ProjectedIncident } from './project-timeline.js';

export interface TimelineVerification {
  consistent: boolean;
  events: number;
  /** Fields where the stored incident and the replayed timeline disagree. */
  differences: { field: string; stored: unknown; replayed: unknown }[];
}

function storedProjection(incident: Incident): ProjectedIncident {
  return {
    title: incident.title,
    summary: incident.summary,
    impact: incident.impact,
    severity: incident.severity,
    status: incident.status,
    services: incident.services,
    labels: incident.labels,
    roles: Object.fromEntries(Object.entries(incident.roles).map(([role, holder]) => [role, holder.userId])),
    detectedAt: incident.detectedAt,
    acknowledgedAt: incident.acknowledgedAt,
    mitigatedAt: incident.mitigatedAt,
    resolvedAt: incident.resolvedAt,
  };
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Replays an incident's timeline and compares it, field by field, with the stored incident. */
export async function verifyIncidentTimeline({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<TimelineVerification> {
  requireRole(ctx, 'viewer');
  const incident = await loadIncident(ctx.db, input.id, ctx.now());
  const events = await readTimeline(ctx.db, input.id);
  const replayed = projectTimeline(events);
  const stored = storedProjection(incident);
  const differences = (Object.keys(stored) as (keyof ProjectedIncident)[]).flatMap((field) => {
    const replayedValue = replayed === null ? undefined : replayed[field];
    return canonical(stored[field]) === canonical(replayedValue)
      ? []
      : [{ field, stored: stored[field], replayed: replayedValue ?? null }];
  });
  return { consistent: differences.length === 0, events: events.length, differences };
}
