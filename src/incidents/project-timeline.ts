import type { IncidentStatus, Severity, TimelineEvent } from './incident-model.js';

/** The part of an incident its timeline fully determines. */
export interface ProjectedIncident {
  title: string;
  summary: string;
  impact: string;
  severity: Severity;
  status: IncidentStatus;
  services: string[];
  labels: Record<string, string>;
  roles: Record<string, string>;
  detectedAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}

type Change = { from: unknown; to: unknown };

/**
 * Replays a timeline from its first event. Because every change to an incident is an event, the
 * result must equal the stored row; `verifyIncidentTimeline` checks that it does.
 */
export function projectTimeline(events: readonly TimelineEvent[]): ProjectedIncident | null {
  let state: ProjectedIncident | null = null;
  for (const event of events) {
    const p = event.payload;
    if (event.type === 'incident_declared') {
      state = {
        title: String(p['title']),
        summary: String(p['summary']),
        impact: String(p['impact']),
        severity: p['severity'] as Severity,
        status: 'triggered',
        services: [...(p['services'] as string[])],
        labels: { ...(p['labels'] as Record<string, string>) },
        roles: {},
        detectedAt: String(p['detectedAt']),
        acknowledgedAt: null,
        mitigatedAt: null,
        resolvedAt: null,
      };
      continue;
    }
    if (state === null) continue;
    state = applyEvent(state, event);
  }
  return state;
}

function applyEvent(state: ProjectedIncident, event: TimelineEvent): ProjectedIncident {
  const p = event.payload;
  switch (event.type) {
    case 'incident_acknowledged':
      return { ...state, status: p['to'] as IncidentStatus, acknowledgedAt: event.occurredAt };
    case 'incident_mitigated':
      return { ...state, status: p['to'] as IncidentStatus, mitigatedAt: event.occurredAt };
    case 'incident_resolved':
      return { ...state, status: p['to'] as IncidentStatus, resolvedAt: event.occurredAt };
    case 'incident_reopened':
      return { ...state, status: p['to'] as IncidentStatus, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
    case 'severity_changed':
      return { ...state, severity: p['to'] as Severity };
    case 'services_changed':
      return { ...state, services: [...(p['services'] as string[])] };
    case 'incident_updated': {
      const changes = p['changes'] as Record<string, Change>;
      const next = { ...state };
      for (const [field, change] of Object.entries(changes)) {
        if (field === 'labels') next.labels = { ...(change.to as Record<string, string>) };
        else if (field === 'title' || field === 'summary' || field === 'impact') next[field] = String(change.to);
      }
      return next;
    }
    case 'role_assigned':
      return { ...state, roles: { ...state.roles, [String(p['role'])]: String(p['userId']) } };
    case 'role_unassigned': {
      const roles = { ...state.roles };
      delete roles[String(p['role'])];
      return { ...state, roles };
    }
    default:
      return state; // notes, status updates, checklists and later domains' events change no field
  }
}
