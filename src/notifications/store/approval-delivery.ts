import type { Queryable } from '../../storage/database.js';
import type { NotificationKind, NotificationVars } from '../templates/template-model.js';
import type { DeliveryContext } from './delivery-context.js';

type DeliveryMessage = DeliveryContext['message'];

const selectExecutionStatus = `SELECT status FROM step_executions WHERE id = $1::uuid`;

/** The template a delivery's message is written with. */
export function notificationKindOf(message: DeliveryMessage): NotificationKind {
  if (message.kind === 'status_reminder') return 'status_reminder';
  if (message.kind === 'approval_request') return 'approval_requested';
  return (message.level ?? 1) > 1 ? 'escalated' : 'triggered';
}

/**
 * Why an approval message due now should not go out: its request was approved, refused or
 * cancelled since it was queued (a rule's delay, a retry). Null when it still waits.
 */
export async function approvalSkipReason(db: Queryable, message: DeliveryMessage): Promise<string | null> {
  if (message.kind !== 'approval_request' || message.executionId === undefined) return null;
  const { rows } = await db.query<{ status: string }>(selectExecutionStatus, [message.executionId]);
  const status = rows[0]?.status ?? 'gone';
  return status === 'awaiting-approval' ? null : `the step is ${status}, no longer awaiting approval`;
}

/**
 * An approval message's own variables: the step, the command as stored (secrets masked), who
 * asked, and the incident link made to open the request itself at the top of the incident page.
 */
export function approvalVariables(message: DeliveryMessage, incidentUrl: string): Partial<NotificationVars> {
  if (message.kind !== 'approval_request' || message.executionId === undefined) return {};
  return {
    incidentUrl: `${incidentUrl}?approval=${encodeURIComponent(message.executionId)}`,
    ...(message.step === undefined ? {} : { step: message.step }),
    ...(message.command === undefined ? {} : { command: message.command }),
    ...(message.requestedBy === undefined ? {} : { actor: message.requestedBy }),
  };
}
