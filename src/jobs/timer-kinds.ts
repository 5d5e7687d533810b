/**
 * Kinds of timed work, shared by the domains that schedule them and those that handle them:
 * the incidents domain announces a new incident; on-call escalates it and delivers its pages.
 */
export const timerKinds = {
  incidentOpened: 'incident_opened',
  escalate: 'escalate',
  deliver: 'deliver',
  deliveryCheck: 'delivery_check',
  statusReminder: 'status_reminder',
  approvalRequested: 'approval_requested',
} as const;

/** The timer that tells the approvers of a destructive step: one per request, whichever node runs it. */
export function approvalRequestedTimerId(executionId: string): string {
  return `approval:${executionId}`;
}

/** The timer that announces a new incident to on-call. */
export function incidentOpenedTimerId(incidentId: string): string {
  return `opened:${incidentId}`;
}
