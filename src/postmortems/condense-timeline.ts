import type { TimelineEvent } from '../incidents/incident-model.js';
import type { KeyMoment, KeyMomentKind } from './postmortem-model.js';

/** Alerts listed one by one before the rest are only counted: a storm of fifty is one moment. */
const maxAlertsListed = 5;

type Payload = Record<string, unknown>;
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const withNote = (line: string, payload: Payload): string => {
  const note = text(payload['note']);
  return note === null ? line : `${line}: ${note}`;
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
    const payload = event.payload;
    const by = event.actor.name;
    switch (event.type) {
      case 'alert_fired': {
        alertsSeen += 1;
        const service = text(payload['service']);
        if (alertsSeen <= maxAlertsListed) {
          push(
            event,
            'alert',
            `Alert fired: ${text(payload['title']) ?? 'alert'}${service === null ? '' : ` (${service})`}`,
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
        const severity = text(payload['severity']);
        push(
          event,
          'declared',
          `Incident declared by ${by}${severity === null ? '' : ` (${severity})`}: ${text(payload['title']) ?? ''}`,
        );
        break;
      }
      case 'incident_acknowledged':
        push(event, 'acknowledged', withNote(`Acknowledged by ${by}`, payload));
        break;
      case 'escalation_level_paged': {
        const users = Array.isArray(payload['users']) ? (payload['users'] as { userId?: unknown }[]) : [];
        const who = users.map((user) => names.get(String(user.userId)) ?? String(user.userId));
        const levelNumber: unknown = payload['level'] ?? '?';
        const level = `Escalation level ${String(levelNumber)}`;
        push(
          event,
          'escalated',
          payload['nobodyOnCall'] === true || who.length === 0
            ? `${level}: nobody to page`
            : `${level} paged: ${who.join(', ')}`,
        );
        break;
      }
      case 'severity_changed':
        push(
          event,
          'severity',
          withNote(`Severity ${String(payload['from'])} → ${String(payload['to'])} (${by})`, {
            note: payload['reason'],
          }),
        );
        break;
      case 'run_started':
        push(event, 'run', `Runbook "${text(payload['title']) ?? String(payload['runbookId'])}" started by ${by}`);
        break;
      case 'run_ended':
        push(event, 'run', withNote(`Runbook run ended: ${String(payload['outcome'])}`, payload));
        break;
      case 'step_started':
        steps.set(String(payload['executionId']), {
          title: text(payload['title']) ?? commandLine(payload['command']) ?? String(payload['stepId']),
          by,
        });
        break;
      case 'step_finished': {
        const step = steps.get(String(payload['executionId']));
        const exit = typeof payload['exitCode'] === 'number' ? `, exit ${payload['exitCode']}` : '';
        const title = step?.title ?? String(payload['stepId']);
        push(
          event,
          'step',
          `Step "${title}"${step === undefined ? '' : ` run by ${step.by}`}: ${String(payload['status'])}${exit}`,
        );
        break;
      }
      case 'step_checked':
      case 'step_skipped':
        push(
          event,
          'step',
          withNote(
            `Step "${text(payload['title']) ?? String(payload['stepId'])}" ${event.type === 'step_checked' ? 'done' : 'skipped'} by ${by}`,
            payload,
          ),
        );
        break;
      case 'incident_mitigated':
        push(event, 'mitigated', withNote(`Mitigated by ${by}`, payload));
        break;
      case 'incident_resolved':
        push(event, 'resolved', withNote(`Resolved by ${by}`, payload));
        break;
      case 'incident_reopened':
        push(event, 'reopened', withNote(`Reopened by ${by}`, payload));
        break;
      default:
        break;
    }
  }
  return moments;
}
