import { isMessageKey, type Translate } from './i18n';
import { payloadText } from './payload-text';
import { summarizeRunEvent } from './runs/run-event-summary';
import { incidentStatuses, statusUpdatePhases, type IncidentStatus, type TimelineEvent } from './types';

/**
 * One line saying what a timeline event did, from its payload. The known types get a sentence-like
 * summary; any other (runs, steps, notifications — the timeline grows with the server) shows its
 * plain fields, so nothing new is ever hidden.
 */

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const isStatus = (value: unknown): value is IncidentStatus => incidentStatuses.some((status) => status === value);

function statusName(value: unknown, t: Translate): string {
  return isStatus(value) ? t(`status.${value}`) : String(value);
}

/** "with reason" tails: actions take a `note`, edits a `reason`. */
function withWhy(line: string, payload: Record<string, unknown>): string {
  const why = text(payload['note']) ?? text(payload['reason']);
  return why === null ? line : `${line} — ${why}`;
}

/** The event type in words, or the raw type made readable. */
export function eventLabel(type: string, t: Translate): string {
  const key = `event.${type}`;
  return isMessageKey(key) ? t(key) : type.replaceAll('_', ' ');
}

export function summarizeEvent(event: TimelineEvent, t: Translate): string {
  const p = event.payload;
  switch (event.type) {
    case 'incident_declared': {
      const services = list(p['services']);
      return [
        `${payloadText(p['severity'])} · ${payloadText(p['title'])}`,
        services.length > 0 ? services.join(', ') : null,
      ]
        .filter((part) => part !== null)
        .join(' · ');
    }
    case 'incident_acknowledged':
    case 'incident_mitigated':
    case 'incident_resolved':
    case 'incident_reopened':
      return withWhy(`${statusName(p['from'], t)} → ${statusName(p['to'], t)}`, p);
    case 'severity_changed':
      return withWhy(`${String(p['from'])} → ${String(p['to'])}`, p);
    case 'services_changed': {
      const changes = [...list(p['added']).map((s) => `+${s}`), ...list(p['removed']).map((s) => `−${s}`)];
      return withWhy(changes.join(' '), p);
    }
    case 'incident_updated': {
      const changes = p['changes'];
      const fields = typeof changes === 'object' && changes !== null ? Object.keys(changes) : [];
      return withWhy(fields.join(', '), p);
    }
    case 'note_added':
      return text(p['text']) ?? '';
    case 'status_update_posted': {
      const phase = p['phase'];
      const phaseName = statusUpdatePhases.some((known) => known === phase)
        ? t(`phase.${phase as (typeof statusUpdatePhases)[number]}`)
        : String(phase);
      return `[${phaseName}] ${text(p['message']) ?? ''}`;
    }
    case 'role_assigned':
      return `${String(p['role'])}: ${payloadText(p['name'] ?? p['userId'])}`;
    case 'role_unassigned':
      return payloadText(p['role']);
    default:
      return summarizeRunEvent(event.type, p, t) ?? plainFields(p);
  }
}

/** `key: value` for the scalar fields; nested objects would only be noise on one line. */
function plainFields(payload: Record<string, unknown>): string {
  const parts = Object.entries(payload)
    .filter(([, value]) => value !== null && ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`);
  const line = parts.join(' · ');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
