import type { Incident, TimelineEvent } from '../incidents/incident-model.js';
import { shortTime } from './cli-io.js';
import { formatFields, formatTable } from './format-table.js';

/** Incidents as a table, with how many of the total are shown. */
export function formatIncidentList(items: Incident[], total: number): string {
  if (items.length === 0) return total === 0 ? 'No incidents.' : `No incidents on this page (${total} in all).`;
  const table = formatTable(
    ['ID', 'SEV', 'STATUS', 'DETECTED', 'SERVICES', 'TITLE'],
    items.map((incident) => [
      incident.id,
      incident.severity,
      incident.status + (incident.overdue ? ' (overdue)' : ''),
      shortTime(incident.detectedAt),
      incident.services.join(',') || '-',
      incident.title,
    ]),
    { maxWidths: [undefined, undefined, undefined, undefined, 30, 80] },
  );
  return items.length < total ? `${table}\n(${items.length} of ${total}; use --limit to see more)` : table;
}

/** One incident as labelled lines, then what can be done next. */
export function formatIncident(incident: Incident): string {
  const roles = Object.entries(incident.roles).map(([role, holder]) => `${role}=${holder.name}`);
  const fields: [string, string][] = [
    ['Title', incident.title],
    ['Status', incident.status],
    ['Severity', incident.severity],
    ['Services', incident.services.join(', ') || '-'],
    ['Commander', incident.commander?.name ?? '-'],
    ['Roles', roles.join(', ') || '-'],
    [
      'Labels',
      Object.entries(incident.labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ') || '-',
    ],
    ['Detected', shortTime(incident.detectedAt)],
    ['Acknowledged', shortTime(incident.acknowledgedAt)],
    ['Mitigated', shortTime(incident.mitigatedAt)],
    ['Resolved', shortTime(incident.resolvedAt)],
    ['Resolution due', `${shortTime(incident.resolutionDueAt)}${incident.overdue ? ' (OVERDUE)' : ''}`],
  ];
  if (incident.summary !== '') fields.push(['Summary', incident.summary]);
  if (incident.impact !== '') fields.push(['Impact', incident.impact]);
  fields.push(['Next actions', formatNextActions(incident)]);
  return `${incident.id}\n${formatFields(fields)}`;
}

/** The lifecycle actions allowed now, as the commands that perform them. */
export function formatNextActions(incident: Incident): string {
  const commands: Record<string, string> = {
    acknowledge: 'ack',
    mitigate: 'mitigate',
    resolve: 'resolve',
    reopen: 'reopen',
  };
  const next = incident.allowedActions.map(
    (action) => `astreinte incident ${commands[action] ?? action} ${incident.id}`,
  );
  return next.join(' | ') || 'none';
}

/** The timeline, oldest first: one line per event with who did it and what changed. */
export function formatTimeline(events: TimelineEvent[]): string {
  if (events.length === 0) return 'Timeline: empty';
  return `Timeline\n${formatTable(
    ['#', 'TIME', 'WHO', 'EVENT', 'DETAILS'],
    events.map((event) => [
      String(event.seq),
      shortTime(event.occurredAt),
      event.actor.name,
      event.type,
      describeEvent(event),
    ]),
    { maxWidths: [undefined, undefined, 24, undefined, 120] },
  )}`;
}

/** An optional text as a tail (`: note`, ` — reason`), nothing when absent or empty. */
const tail = (separator: string, value: string | undefined): string =>
  value === undefined || value === '' ? '' : `${separator}${value}`;

/** The details of one event; every type is named, the ones with no words of their own as JSON. */
function describeEvent(event: TimelineEvent): string {
  switch (event.type) {
    case 'incident_declared': {
      const { severity, title, services } = event.payload;
      return `${severity} "${title}"${services.length > 0 ? ` on ${services.join(', ')}` : ''}`;
    }
    case 'incident_acknowledged':
    case 'incident_mitigated':
    case 'incident_resolved':
    case 'incident_reopened':
      return `${event.payload.from} → ${event.payload.to}${tail(': ', event.payload.note)}`;
    case 'severity_changed':
      return `${event.payload.from} → ${event.payload.to}${tail(' — ', event.payload.reason)}`;
    case 'note_added':
      return event.payload.text;
    case 'status_update_posted':
      return `[${event.payload.phase}${event.payload.public ? ', public' : ''}] ${event.payload.message}`;
    case 'role_assigned':
      return `${event.payload.role}: ${event.payload.name}`;
    case 'role_unassigned':
      return `${event.payload.role} removed`;
    case 'incident_updated':
    case 'services_changed':
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
      return JSON.stringify(event.payload);
  }
}
