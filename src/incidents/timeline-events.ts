import type { Static } from 'typebox';
import type { ActorViewSchema } from './incident-model.js';
import type { IncidentPayloads } from './timeline-incident-payloads.js';
import type { ResponsePayloads } from './timeline-response-payloads.js';
import type { RunPayloads } from './timeline-run-payloads.js';

/**
 * Every event type an incident's timeline holds, with its payload: the incident's own events, the
 * ones the other domains add, and the ones runs add. Writers, the projection, post-mortems, the
 * CLI and the console all read this one map; a type missing here is a compile error everywhere.
 * Stored rows keep the shape they were written with: readers of fields a payload may lack in an
 * old row (or a hand-made one) read them through helpers that take `unknown`, as before.
 */
export type TimelinePayloads = IncidentPayloads & ResponsePayloads & RunPayloads;

export type TimelineEventType = keyof TimelinePayloads;

/** An event as a writer hands it over: the timeline adds its seq, time and actor. */
export type NewTimelineEvent = {
  [T in TimelineEventType]: { type: T; payload: TimelinePayloads[T] };
}[TimelineEventType];

/** An event as stored and as the API shows it, narrowed by its `type`. */
export type TimelineEvent = {
  [T in TimelineEventType]: {
    seq: number;
    type: T;
    occurredAt: string;
    actor: Static<typeof ActorViewSchema>;
    payload: TimelinePayloads[T];
  };
}[TimelineEventType];

/** The events of some types only, for a reader that handles a family of them. */
export type TimelineEventOf<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>;

/**
 * One row per type, so the list below is complete: `satisfies` rejects a type missing from it
 * (or one that no longer exists). The API schema lists the types from it for the OpenAPI document.
 */
const typeTable = {
  incident_declared: true,
  incident_acknowledged: true,
  incident_mitigated: true,
  incident_resolved: true,
  incident_reopened: true,
  incident_updated: true,
  severity_changed: true,
  services_changed: true,
  note_added: true,
  status_update_posted: true,
  role_assigned: true,
  role_unassigned: true,
  alert_fired: true,
  alert_resolved: true,
  alert_acknowledged: true,
  runbook_suggested: true,
  escalation_started: true,
  escalation_level_paged: true,
  escalation_stopped: true,
  escalation_exhausted: true,
  status_update_due: true,
  notification_sent: true,
  notification_failed: true,
  notification_unknown: true,
  checklist_attached: true,
  checklist_item_checked: true,
  checklist_item_unchecked: true,
  postmortem_drafted: true,
  postmortem_status_changed: true,
  postmortem_published: true,
  run_started: true,
  run_ended: true,
  section_run_started: true,
  step_started: true,
  step_approval_requested: true,
  step_approved: true,
  step_refused: true,
  step_checked: true,
  step_skipped: true,
  step_output: true,
  step_finished: true,
  steps_skipped: true,
} as const satisfies Record<TimelineEventType, true>;

export const timelineEventTypes = Object.keys(typeTable) as TimelineEventType[];

/**
 * Event types written into SQL as a quoted list (`'a', 'b'`), for statements that filter the
 * timeline by type (reports, reminders, the status page): typed here, so a renamed or removed
 * type breaks the build instead of silently matching nothing. Only these literals reach the SQL.
 */
export function sqlEventTypes(...types: readonly TimelineEventType[]): string {
  return types.map((type) => `'${type}'`).join(', ');
}
