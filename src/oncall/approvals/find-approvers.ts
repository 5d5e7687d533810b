import type { Queryable } from '../../storage/database.js';
import type { EscalationLevel } from '../escalation/escalation-policy-model.js';
import { selectServicePolicy } from '../escalation/handle-incident-opened.js';
import { resolveEscalationTargets } from '../escalation/resolve-escalation-targets.js';

/** An approval request as the people to tell about it are chosen. */
export interface ApprovalRequestOf {
  incidentId: string;
  /** The user who asked; null when a token without a user did. */
  requestedById: string | null;
  allowSelfApproval: boolean;
}

/** Of these people, those who may approve: active responders and admins (viewers may not). */
const selectMayApprove = `
  SELECT id FROM users WHERE id = ANY($1::uuid[]) AND deactivated_at IS NULL AND role IN ('responder', 'admin')`;
/** The people holding a role on the incident (commander first): they work it, and know the step. */
const selectIncidentRoles = `
  SELECT user_id FROM incident_roles WHERE incident_id = $1 ORDER BY role = 'commander' DESC, assigned_at, role`;

/**
 * Who is asked to approve a destructive step: the on-call people of the incident's escalation
 * policy, level by level, the first level with someone who may approve (people on call now, as
 * a page would find them); failing that, the people holding a role on the incident. Never the
 * asker (unless the runbook allows self-approval), never a viewer or a deactivated account —
 * the console would refuse their decision. In the order found, each person once.
 */
export async function findApprovers(db: Queryable, request: ApprovalRequestOf, at: Date): Promise<string[]> {
  const mayApprove = async (candidates: readonly string[]): Promise<string[]> => {
    const others = candidates.filter(
      (userId) => request.allowSelfApproval || request.requestedById === null || userId !== request.requestedById,
    );
    if (others.length === 0) return [];
    const { rows } = await db.query<{ id: string }>(selectMayApprove, [others]);
    const allowed = new Set(rows.map((row) => row.id));
    return others.filter((userId) => allowed.has(userId));
  };
  const { rows: policies } = await db.query<{ levels: EscalationLevel[] }>(selectServicePolicy, [request.incidentId]);
  for (const level of policies[0]?.levels ?? []) {
    const { users } = await resolveEscalationTargets(db, level.targets, at);
    const approvers = await mayApprove(users.map((user) => user.userId));
    if (approvers.length > 0) return approvers;
  }
  const { rows: holders } = await db.query<{ user_id: string }>(selectIncidentRoles, [request.incidentId]);
  return mayApprove([...new Set(holders.map((row) => row.user_id))]);
}
