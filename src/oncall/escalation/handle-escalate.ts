import { systemCtx, type Ctx } from '../../core/context.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import { lockIncidentRow } from '../../incidents/load-incident.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import type { Transaction } from '../../storage/database.js';
import { urgencyOfSeverity } from '../people/urgency.js';
import type { EscalationLevel } from './escalation-policy-model.js';
import { escalateTimerId, escalationTimerKinds, type EscalateStep } from './escalation-timers.js';
import { queuePages } from './queue-pages.js';
import { resolveEscalationTargets } from './resolve-escalation-targets.js';

const selectEscalation = `
  SELECT e.generation, e.status, p.id AS policy_id, p.name, p.levels, p.repeat_count
    FROM incident_escalations e JOIN escalation_policies p ON p.id = e.policy_id
   WHERE e.incident_id = $1 FOR UPDATE OF e`;
const stopEscalation = `UPDATE incident_escalations SET status = $2, stopped_at = $3, stop_reason = $4 WHERE incident_id = $1`;

/** The pause before a new cycle when nobody acknowledged: the last level's delay, at least a minute. */
function cycleDelayMinutes(levels: readonly EscalationLevel[]): number {
  return Math.max(1, levels.at(-1)!.delayMinutes);
}

/**
 * One level of an escalation is due: unless the incident was acknowledged or resolved (which
 * stops the escalation) or the escalation was restarted since (an older generation), the level's
 * targets are resolved to people, their pages queued as their notification rules say, the
 * timeline told, and the next level (or the next cycle, `repeat` times) scheduled.
 */
export async function handleEscalate(tx: Transaction, timer: DueTimer, now: () => Date): Promise<void> {
  const step = timer.payload as unknown as EscalateStep;
  const ctx: Ctx = systemCtx(tx, now, `timer:${timer.id}`);
  const incident = await lockIncidentRow(ctx, step.incidentId);
  const { rows } = await tx.query<{
    generation: number;
    status: string;
    policy_id: string;
    name: string;
    levels: EscalationLevel[];
    repeat_count: number;
  }>(selectEscalation, [step.incidentId]);
  const escalation = rows[0];
  if (escalation === undefined || escalation.generation !== step.generation || escalation.status !== 'active') return;
  if (incident.status !== 'triggered') {
    await tx.query(stopEscalation, [step.incidentId, 'stopped', now(), incident.status]);
    await appendIncidentEvent(ctx, step.incidentId, {
      type: 'escalation_stopped',
      payload: {
        reason: `incident ${incident.status}`,
        generation: step.generation,
      },
    });
    return;
  }
  const level = escalation.levels[step.level];
  if (level === undefined) return; // the policy lost levels since: nothing left at this one
  const { users, empty } = await resolveEscalationTargets(tx, level.targets, now());
  // Read at each level, not when the escalation started: a P3 raised to P1 meanwhile pages as high.
  const urgency = urgencyOfSeverity[incident.severity];
  const pages = await queuePages(ctx, { ...step, users: users.map((user) => user.userId), urgency });
  await appendIncidentEvent(ctx, step.incidentId, {
    type: 'escalation_level_paged',
    payload: {
      policyId: escalation.policy_id,
      level: step.level + 1,
      cycle: step.cycle + 1,
      generation: step.generation,
      users: users.map((user) => ({ userId: user.userId, via: user.via })),
      nobodyOnCall: empty,
      pages,
      urgency,
    },
  });
  const next: EscalateStep | null =
    step.level + 1 < escalation.levels.length
      ? { ...step, level: step.level + 1 }
      : step.cycle < escalation.repeat_count
        ? { ...step, cycle: step.cycle + 1, level: 0 }
        : null;
  if (next === null) {
    await tx.query(stopEscalation, [step.incidentId, 'exhausted', now(), 'every level paged']);
    await appendIncidentEvent(ctx, step.incidentId, {
      type: 'escalation_exhausted',
      payload: {
        generation: step.generation,
        cycles: step.cycle + 1,
      },
    });
    return;
  }
  const delay = next.level === 0 ? cycleDelayMinutes(escalation.levels) : escalation.levels[next.level]!.delayMinutes;
  await scheduleTimer(tx, {
    id: escalateTimerId(next),
    kind: escalationTimerKinds.escalate,
    dueAt: new Date(now().getTime() + delay * 60_000),
    payload: { ...next },
  });
}
