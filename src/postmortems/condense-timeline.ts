import type { TimelineEvent } from '../incidents/incident-model.js';
import type { KeyMoment, KeyMomentKind } from './postmortem-model.js';

/** Alerts listed one by one before the rest are only counted: a storm of fifty is one moment. */
const maxAlertsListed = 5;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
/** A note a payload may hold (null or absent in some): an old row may lack any field. */
const withNote = (line: string, note: unknown): string => {
  const said = text(note);
  return said === null ? line : `${line}: ${said}`;
};

/** An untitled step is known by its command's first line, cut short: what responders recognise. */
function commandLine(command: unknown): string | null {
  const first = text(command)?.split('\n')[0]?.trim() ?? '';
  if (first === '') return null;
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/**
 * The timeline reduced to what a post-mortem tells: the alerts (the first few, the rest counted),
 * the declaration, acknowledgement, each escalation level paged (with whom, by `names` of user
 * ids), severity changes, runbook runs, each step run with its result (its start and end merged in
 * one line at its end), mitigation, resolution and reopening — in timeline order. Notes, status
 * updates, checklists and output chunks stay in the full timeline.
 */
export function condenseTimeline(
  events: readonly TimelineEvent[],
  names: ReadonlyMap<string, string> = new Map(),
): KeyMoment[] {
  const moments: KeyMoment[] = [];
  const push = (event: TimelineEvent, kind: KeyMomentKind, line: string): void => {
    moments.push({ seq: event.seq, at: event.occurredAt, kind, text: line });
  };
  const steps = new Map<string, { title: string; by: string }>();
  let alertsSeen = 0;
  let alertsCounted: KeyMoment | null = null;
  for (const event of events) {
    const by = event.actor.name;
    switch (event.type) {
      case 'alert_fired': {
        alertsSeen += 1;
        const service = text(event.payload.service);
        if (alertsSeen <= maxAlertsListed) {
          push(
            event,
            'alert',
            `Alert fired: ${text(event.payload.title) ?? 'alert'}${service === null ? '' : ` (${service})`}`,
          );
        } else if (alertsCounted === null) {
          push(event, 'alert', '1 more alert fired');
          alertsCounted = moments.at(-1)!;
        } else {
          alertsCounted.text = `${alertsSeen - maxAlertsListed} more alerts fired`;
        }
        break;
      }
      case 'incident_declared': {
        const severity = text(event.payload.severity);
        push(
          event,
          'declared',
          `Incident declared by ${by}${severity === null ? '' : ` (${severity})`}: ${text(event.payload.title) ?? ''}`,
        );
        break;
      }
      case 'incident_acknowledged':
        push(event, 'acknowledged', withNote(`Acknowledged by ${by}`, event.payload.note));
        break;
      case 'escalation_level_paged': {
        const { users, level } = event.payload;
        const who = users.map((user) => names.get(user.userId) ?? user.userId);
        const title = `Escalation level ${level}`;
        push(event, 'escalated', who.length === 0 ? `${title}: nobody to page` : `${title} paged: ${who.join(', ')}`);
        break;
      }
      case 'severity_changed': {
        const { from, to, reason } = event.payload;
        push(event, 'severity', withNote(`Severity ${from} → ${to} (${by})`, reason));
        break;
      }
      case 'run_started':
        push(event, 'run', `Runbook "${text(event.payload.title) ?? event.payload.runbookId}" started by ${by}`);
        break;
      case 'run_ended':
        push(event, 'run', withNote(`Runbook run ended: ${event.payload.outcome}`, event.payload.note));
        break;
      case 'step_started': {
        const { executionId, title, command, stepId } = event.payload;
        steps.set(executionId, { title: text(title) ?? commandLine(command) ?? stepId, by });
        break;
      }
      case 'step_finished': {
        const { executionId, exitCode, stepId, status } = event.payload;
        const step = steps.get(executionId);
        const exit = typeof exitCode === 'number' ? `, exit ${exitCode}` : '';
        const title = step?.title ?? stepId;
        push(event, 'step', `Step "${title}"${step === undefined ? '' : ` run by ${step.by}`}: ${status}${exit}`);
        break;
      }
      case 'step_checked':
      case 'step_skipped': {
        const { title, stepId, note } = event.payload;
        const done = event.type === 'step_checked' ? 'done' : 'skipped';
        push(event, 'step', withNote(`Step "${text(title) ?? stepId}" ${done} by ${by}`, note));
        break;
      }
      case 'incident_mitigated':
        push(event, 'mitigated', withNote(`Mitigated by ${by}`, event.payload.note));
        break;
      case 'incident_resolved':
        push(event, 'resolved', withNote(`Resolved by ${by}`, event.payload.note));
        break;
      case 'incident_reopened':
        push(event, 'reopened', withNote(`Reopened by ${by}`, event.payload.note));
        break;
      // What a post-mortem leaves in the full timeline. Each type is named: a new one is a choice.
      case 'incident_updated':
      case 'services_changed':
      case 'note_added':
      case 'status_update_posted':
      case 'status_update_due':
      case 'role_assigned':
      case 'role_unassigned':
      case 'alert_resolved':
      case 'alert_acknowledged':
      case 'runbook_suggested':
      case 'escalation_started':
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
      case 'section_run_started':
      case 'step_approval_requested':
      case 'step_approved':
      case 'step_refused':
      case 'step_output':
      case 'steps_skipped':
        break;
      default:
        event satisfies never;
    }
  }
  return moments;
}
