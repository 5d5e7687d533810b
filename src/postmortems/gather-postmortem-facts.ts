import type { Incident } from '../incidents/incident-model.js';
import { readTimeline } from '../incidents/list-timeline.js';
import { loadSeverityPolicies } from '../severity/severity-policy.js';
import type { Queryable } from '../storage/database.js';
import { condenseTimeline } from './condense-timeline.js';
import { measureIncidentDurations } from './measure-incident-durations.js';
import type { PostmortemFacts } from './postmortem-model.js';

const selectFirstAlert = 'SELECT min(starts_at) AS first FROM alerts WHERE incident_id = $1';
const selectServices = 'SELECT id, name, rto_minutes FROM services WHERE id = ANY($1::text[]) ORDER BY id';
const selectUserNames = 'SELECT id::text AS id, name FROM users WHERE id::text = ANY($1::text[])';

/** User ids an event names (escalation pages), to show people by name. */
function userIdsOf(payload: Record<string, unknown>): string[] {
  const users = payload['users'];
  return Array.isArray(users)
    ? users.flatMap((user: { userId?: unknown }) => (typeof user.userId === 'string' ? [user.userId] : []))
    : [];
}

/**
 * Reads what a post-mortem states as facts: the incident, its timeline condensed to its key
 * moments, and its durations measured against the severity's target and its services' RTO.
 */
export async function gatherPostmortemFacts(db: Queryable, incident: Incident): Promise<PostmortemFacts> {
  const events = await readTimeline(db, incident.id);
  const [first, services, policies] = await Promise.all([
    db.query<{ first: Date | null }>(selectFirstAlert, [incident.id]),
    db.query<{ id: string; name: string; rto_minutes: number | null }>(selectServices, [incident.services]),
    loadSeverityPolicies(db),
  ]);
  const userIds = [...new Set(events.flatMap((event) => userIdsOf(event.payload)))];
  const names =
    userIds.length === 0 ? [] : (await db.query<{ id: string; name: string }>(selectUserNames, [userIds])).rows;
  const firstAlert = first.rows[0]?.first ?? null;
  return {
    incident: {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      services: incident.services,
      detectedAt: incident.detectedAt,
      resolvedAt: incident.resolvedAt,
      status: incident.status,
    },
    moments: condenseTimeline(events, new Map(names.map((user) => [user.id, user.name]))),
    durations: measureIncidentDurations({
      detectedAt: incident.detectedAt,
      firstAlertStartsAt: firstAlert === null ? null : firstAlert.toISOString(),
      resolutionTargetMinutes: policies.get(incident.severity)?.resolutionTargetMinutes ?? null,
      services: services.rows.map((service) => ({
        id: service.id,
        name: service.name,
        rtoMinutes: service.rto_minutes,
      })),
      events,
    }),
  };
}
