import { timerKinds } from '../jobs/timer-kinds.js';
import type { TimerHandler } from '../jobs/timer-runner.js';
import { handleDeliver, type DeliveryDeps } from '../notifications/store/handle-deliver.js';
import { handleDeliveryCheck } from '../notifications/store/handle-delivery-check.js';
import { handleApprovalRequested } from './approvals/handle-approval-requested.js';
import { handleEscalate } from './escalation/handle-escalate.js';
import { handleIncidentOpened } from './escalation/handle-incident-opened.js';
import { handleStatusReminder } from './reminders/handle-status-reminder.js';

/** What on-call does with its timers: start an incident's escalation, page a level, deliver the pages, remind the commander, ask the approvers. */
export function oncallTimerHandlers(deps: DeliveryDeps): Record<string, TimerHandler> {
  return {
    [timerKinds.incidentOpened]: (tx, timer) => handleIncidentOpened(tx, timer, deps.now),
    [timerKinds.escalate]: (tx, timer) => handleEscalate(tx, timer, deps.now),
    [timerKinds.deliver]: (tx, timer) => handleDeliver(tx, timer, deps),
    [timerKinds.deliveryCheck]: (tx, timer) => handleDeliveryCheck(tx, timer, deps),
    [timerKinds.statusReminder]: (tx, timer) => handleStatusReminder(tx, timer, deps.now),
    [timerKinds.approvalRequested]: (tx, timer) => handleApprovalRequested(tx, timer, deps.now),
  };
}
