import type { Ctx } from '../../core/context.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import type { EscalationLevel } from './escalation-policy-model.js';
import { escalateTimerId, escalationTimerKinds } from './escalation-timers.js';

const upsertEscalation = `
  INSERT INTO incident_escalations (incident_id, policy_id, generation, status, started_at)
  VALUES ($1, $2, 1, 'active', $3)
  ON CONFLICT (incident_id) DO UPDATE
     SET policy_id = EXCLUDED.policy_id, generation = incident_escalations.generation + 1, status = 'active',
         started_at = EXCLUDED.started_at, stopped_at = NULL, stop_reason = NULL
  RETURNING generation`;

/**
 * Starts (or restarts, on re-assignment) an incident's escalation with a policy: a new
 * generation, whose level 1 is due after its delay. Timers of an older generation find
 * themselves outdated and do nothing. The caller holds the incident's row lock.
 */
export async function startEscalation(
  ctx: Ctx,
  incidentId: string,
  policy: { id: string; name: string; levels: EscalationLevel[] },
  reason: string,
): Promise<number> {
  const now = ctx.now();
  const { rows } = await ctx.db.query<{ generation: number }>(upsertEscalation, [incidentId, policy.id, now]);
  const generation = rows[0]!.generation;
  const step = { incidentId, generation, cycle: 0, level: 0 };
  await scheduleTimer(ctx.db, {
    id: escalateTimerId(step),
    kind: escalationTimerKinds.escalate,
    dueAt: new Date(now.getTime() + policy.levels[0]!.delayMinutes * 60_000),
    payload: { ...step },
  });
  await appendIncidentEvent(ctx, incidentId, {
    type: 'escalation_started',
    payload: {
      policyId: policy.id,
      policy: policy.name,
      generation,
      reason,
    },
  });
  return generation;
}
