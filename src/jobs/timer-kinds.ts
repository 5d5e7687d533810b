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
} as const;

/** The timer that announces a new incident to on-call. */
export function incidentOpenedTimerId(incidentId: string): string {
  return `opened:${incidentId}`;
}
