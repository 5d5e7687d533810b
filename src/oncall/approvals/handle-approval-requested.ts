import { systemCtx, type Ctx } from '../../core/context.js';
import type { Severity } from '../../incidents/incident-model.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import type { Transaction } from '../../storage/database.js';
import { queueRuleDeliveries } from '../escalation/queue-rule-deliveries.js';
import { urgencyOfSeverity } from '../people/urgency.js';
import { findApprovers } from './find-approvers.js';

/** The request, still pending, with what choosing and telling its approvers needs. */
const selectPendingRequest = `
  SELECT e.id, e.run_id, e.command_preview, e.requested_by_name, a.requested_by_id, r.incident_id, i.severity,
         COALESCE(s.allow_self_approval, false) AS allow_self_approval
    FROM step_executions e
    JOIN step_approvals a ON a.execution_id = e.id AND a.status = 'pending'
    JOIN runs r ON r.id = e.run_id
    JOIN incidents i ON i.id = r.incident_id
    LEFT JOIN runbook_execution_settings s ON s.runbook_id = r.runbook_id
   WHERE e.id = $1::uuid AND e.status = 'awaiting-approval'`;

type PendingRequestRow = {
  id: string;
  run_id: string;
  command_preview: string;
  requested_by_name: string;
  requested_by_id: string | null;
  incident_id: string;
  severity: Severity;
  allow_self_approval: boolean;
};

/** What an approval message carries: enough to write it, and to skip it once the request is decided. */
export type ApprovalMessage = {
  kind: 'approval_request';
  executionId: string;
  runId: string;
  step: string;
  command: string;
  requestedBy: string;
};

/**
 * A destructive step waits for approval: the people who may approve it (`findApprovers`) are told,
 * each through their notification rules for the incident's urgency, with the exact command (as
 * stored: secrets already masked) and a link to the request. Delivery ids are derived from the
 * request, the person and the rule, and the timer's id from the request: a timer run twice (two
 * nodes, a retry after a crash) queues each message once. A request decided before its timer
 * ran tells nobody.
 */
export async function handleApprovalRequested(tx: Transaction, timer: DueTimer, now: () => Date): Promise<void> {
  const executionId = String(timer.payload['executionId']);
  const ctx: Ctx = systemCtx(tx, now, `timer:${timer.id}`);
  const { rows } = await tx.query<PendingRequestRow>(selectPendingRequest, [executionId]);
  const request = rows[0];
  if (request === undefined) return;
  const approvers = await findApprovers(
    tx,
    {
      incidentId: request.incident_id,
      requestedById: request.requested_by_id,
      allowSelfApproval: request.allow_self_approval,
    },
    now(),
  );
  const message: ApprovalMessage = {
    kind: 'approval_request',
    executionId: request.id,
    runId: request.run_id,
    step: typeof timer.payload['step'] === 'string' ? timer.payload['step'] : '',
    command: request.command_preview,
    requestedBy: request.requested_by_name,
  };
  await queueRuleDeliveries(ctx, {
    incidentId: request.incident_id,
    users: approvers,
    urgency: urgencyOfSeverity[request.severity],
    kind: 'approval',
    message,
    idOf: (userId, index) => `approval.${request.id}.${userId}.${index}`,
  });
}
