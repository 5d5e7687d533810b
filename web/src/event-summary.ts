import { isMessageKey, type Translate } from './i18n';
import { payloadText } from './payload-text';
import { summarizeRunEvent } from './runs/run-event-summary';
import { incidentStatuses, type IncidentStatus, type TimelineEvent } from './types';

/**
 * One line saying what a timeline event did, from its payload: the incident's and runs' events get
 * a sentence-like summary, the others (notifications, alerts, checklists…) their plain fields.
 */

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const isStatus = (value: unknown): value is IncidentStatus => incidentStatuses.some((status) => status === value);

function statusName(value: unknown, t: Translate): string {
  return isStatus(value) ? t(`status.${value}`) : String(value);
}

/** "with reason" tails: actions take a `note`, edits a `reason`. */
function withWhy(line: string, payload: { note?: string; reason?: string }): string {
  const why = text(payload.note) ?? text(payload.reason);
  return why === null ? line : `${line} — ${why}`;
}

/** The event type in words, or the raw type made readable. */
export function eventLabel(type: string, t: Translate): string {
  const key = `event.${type}`;
  return isMessageKey(key) ? t(key) : type.replaceAll('_', ' ');
}

/** Every type is named (the compiler rejects a missing one): a new type is a choice of words. */
export function summarizeEvent(event: TimelineEvent, t: Translate): string {
  switch (event.type) {
    case 'incident_declared': {
      const p = event.payload;
      const services = list(p.services);
      return [`${payloadText(p.severity)} · ${payloadText(p.title)}`, services.length > 0 ? services.join(', ') : null]
        .filter((part) => part !== null)
        .join(' · ');
    }
    case 'incident_acknowledged':
    case 'incident_mitigated':
    case 'incident_resolved':
    case 'incident_reopened':
      return withWhy(`${statusName(event.payload.from, t)} → ${statusName(event.payload.to, t)}`, event.payload);
    case 'severity_changed':
      return withWhy(`${event.payload.from} → ${event.payload.to}`, event.payload);
    case 'services_changed': {
      const p = event.payload;
      const changes = [...list(p.added).map((s) => `+${s}`), ...list(p.removed).map((s) => `−${s}`)];
      return withWhy(changes.join(' '), p);
    }
    case 'incident_updated':
      return withWhy(Object.keys(event.payload.changes).join(', '), event.payload);
    case 'note_added':
      return text(event.payload.text) ?? '';
    case 'status_update_posted':
      return `[${t(`phase.${event.payload.phase}`)}] ${text(event.payload.message) ?? ''}`;
    case 'role_assigned':
      return `${event.payload.role}: ${payloadText(event.payload.name)}`;
    case 'role_unassigned':
      return payloadText(event.payload.role);
    case 'run_started':
    case 'run_ended':
    case 'step_started':
    case 'step_approval_requested':
    case 'step_output':
    case 'step_finished':
    case 'step_approved':
    case 'step_refused':
    case 'step_checked':
    case 'step_skipped':
    case 'steps_skipped':
      return summarizeRunEvent(event, t);
    // No words of their own yet: their plain fields, so nothing is ever hidden.
    case 'section_run_started':
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
      return plainFields(event.payload);
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
