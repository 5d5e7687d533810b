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

function describeEvent(event: TimelineEvent): string {
  const p = event.payload;
  const text = (key: string): string => (typeof p[key] === 'string' ? p[key] : '');
  const reason = text('reason') === '' ? '' : ` — ${text('reason')}`;
  switch (event.type) {
    case 'incident_declared':
      return `${text('severity')} "${text('title')}"${Array.isArray(p['services']) && p['services'].length > 0 ? ` on ${p['services'].join(', ')}` : ''}`;
    case 'incident_acknowledged':
    case 'incident_mitigated':
    case 'incident_resolved':
    case 'incident_reopened':
      return `${text('from')} → ${text('to')}${text('note') === '' ? '' : `: ${text('note')}`}`;
    case 'severity_changed':
      return `${text('from')} → ${text('to')}${reason}`;
    case 'note_added':
      return text('text');
    case 'status_update_posted':
      return `[${text('phase')}${p['public'] === true ? ', public' : ''}] ${text('message')}`;
    case 'role_assigned':
      return `${text('role')}: ${text('name')}`;
    case 'role_unassigned':
      return `${text('role')} removed`;
    default:
      return JSON.stringify(p);
  }
}
