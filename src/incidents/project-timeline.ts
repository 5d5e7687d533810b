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

/**
 * Replays a timeline from its first event. Because every change to an incident is an event, the
 * result must equal the stored row; `verifyIncidentTimeline` checks that it does.
 */
export function projectTimeline(events: readonly TimelineEvent[]): ProjectedIncident | null {
  let state: ProjectedIncident | null = null;
  for (const event of events) {
    if (event.type === 'incident_declared') {
      const p = event.payload;
      state = {
        title: p.title,
        summary: p.summary,
        impact: p.impact,
        severity: p.severity,
        status: 'triggered',
        services: [...p.services],
        labels: { ...p.labels },
        roles: {},
        detectedAt: p.detectedAt,
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

/**
 * One event's effect. Every type has its case (the compiler rejects a missing one: the function
 * would then end without a return), so a new type is a decision, not a silent pass-over.
 */
function applyEvent(state: ProjectedIncident, event: TimelineEvent): ProjectedIncident {
  switch (event.type) {
    case 'incident_declared':
      return state; // replaced whole by the loop above, never passed here
    case 'incident_acknowledged':
      return { ...state, status: event.payload.to, acknowledgedAt: event.occurredAt };
    case 'incident_mitigated':
      return { ...state, status: event.payload.to, mitigatedAt: event.occurredAt };
    case 'incident_resolved':
      return { ...state, status: event.payload.to, resolvedAt: event.occurredAt };
    case 'incident_reopened':
      return { ...state, status: event.payload.to, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
    case 'severity_changed':
      return { ...state, severity: event.payload.to };
    case 'services_changed':
      return { ...state, services: [...event.payload.services] };
    case 'incident_updated': {
      const { changes } = event.payload;
      const next = { ...state };
      if (changes.title !== undefined) next.title = changes.title.to;
      if (changes.summary !== undefined) next.summary = changes.summary.to;
      if (changes.impact !== undefined) next.impact = changes.impact.to;
      if (changes.labels !== undefined) next.labels = { ...changes.labels.to };
      return next;
    }
    case 'role_assigned':
      return { ...state, roles: { ...state.roles, [event.payload.role]: event.payload.userId } };
    case 'role_unassigned': {
      const roles = { ...state.roles };
      delete roles[event.payload.role];
      return { ...state, roles };
    }
    // Notes, status updates and the other domains' events change no field of the incident.
    case 'note_added':
    case 'status_update_posted':
    case 'status_update_due':
    case 'alert_fired':
    case 'alert_resolved':
    case 'alert_acknowledged':
    case 'runbook_suggested':
    case 'escalation_started':
    case 'escalation_level_paged':
    case 'escalation_stopped':
    case 'escalation_exhausted':
    case 'notification_sent':
    case 'notification_failed':
    case 'notification_unknown':
    case 'checklist_attached':
    case 'checklist_item_checked':
    case 'checklist_item_unchecked':
    case 'postmortem_drafted':
    case 'postmortem_status_changed':
    case 'postmortem_published':
    case 'run_started':
    case 'run_ended':
    case 'section_run_started':
    case 'step_started':
    case 'step_approval_requested':
    case 'step_approved':
    case 'step_refused':
    case 'step_checked':
    case 'step_skipped':
    case 'step_output':
    case 'step_finished':
    case 'steps_skipped':
      return state;
  }
}
