import { AppError } from '../core/app-error.js';
import type { IncidentStatus } from './incident-model.js';
import type { TimelineEventType } from './timeline-events.js';

export const lifecycleActions = ['acknowledge', 'mitigate', 'resolve', 'reopen'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

/**
 * The incident lifecycle: triggered → acknowledged → mitigated → resolved, and reopen from
 * resolved. Resolving is also allowed before mitigation (a false alarm, a fix that needed no
 * separate mitigation), because responders do that and the timeline still shows each step taken.
 */
export const transitions: Record<IncidentStatus, Partial<Record<LifecycleAction, IncidentStatus>>> = {
  triggered: { acknowledge: 'acknowledged', resolve: 'resolved' },
  acknowledged: { mitigate: 'mitigated', resolve: 'resolved' },
  mitigated: { resolve: 'resolved' },
  resolved: { reopen: 'triggered' },
};

/** Event type written to the timeline for each action. */
export const actionEventTypes = {
  acknowledge: 'incident_acknowledged',
  mitigate: 'incident_mitigated',
  resolve: 'incident_resolved',
  reopen: 'incident_reopened',
} as const satisfies Record<LifecycleAction, TimelineEventType>;

export function allowedActions(status: IncidentStatus): LifecycleAction[] {
  return Object.keys(transitions[status]) as LifecycleAction[];
}

export function allowedNextStates(status: IncidentStatus): IncidentStatus[] {
  return Object.values(transitions[status]);
}

/** The status `action` leads to from `status`, or a 409-mapped error naming what is allowed. */
export function nextStatus(status: IncidentStatus, action: LifecycleAction): IncidentStatus {
  const next = transitions[status][action];
  if (next === undefined) {
    throw new AppError('invalid_transition', `cannot ${action} an incident that is ${status}`, {
      status,
      action,
      allowedNextStates: allowedNextStates(status),
      allowedActions: allowedActions(status),
    });
  }
  return next;
}
