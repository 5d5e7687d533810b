import { systemCtx, type Ctx } from '../../core/context.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import { lockIncidentRow } from '../../incidents/load-incident.js';
import type { Transaction } from '../../storage/database.js';
import type { EscalationLevel } from './escalation-policy-model.js';
import { scheduleStatusReminder, statusCadenceMinutes } from '../reminders/handle-status-reminder.js';
import { startEscalation } from './start-escalation.js';

/** The policy of the first of the incident's services (by id) that has one. */
export const selectServicePolicy = `
  SELECT p.id, p.name, p.levels FROM incident_services s
    JOIN services sv ON sv.id = s.service_id
    JOIN escalation_policies p ON p.id = sv.escalation_policy_id
   WHERE s.incident_id = $1
   ORDER BY s.service_id LIMIT 1`;

/**
 * A new incident: its status-update reminders are scheduled, and if one of its services has an
 * escalation policy, its escalation starts (unless it was acknowledged meanwhile, or already
 * escalates).
 */
export async function handleIncidentOpened(tx: Transaction, timer: DueTimer, now: () => Date): Promise<void> {
  const incidentId = String(timer.payload['incidentId']);
  const ctx: Ctx = systemCtx(tx, now, `timer:${timer.id}`);
  const incident = await lockIncidentRow(ctx, incidentId);
  if (incident.status === 'resolved') return;
  // The status-update cadence runs for every open incident, escalated or not.
  const cadence = await statusCadenceMinutes(tx, incident.severity);
  if (cadence !== null) await scheduleStatusReminder(tx, incidentId, incident.created_at, cadence);
  if (incident.status !== 'triggered') return;
  const { rows: running } = await tx.query('SELECT 1 FROM incident_escalations WHERE incident_id = $1', [incidentId]);
  if (running.length > 0) return;
  const { rows } = await tx.query<{ id: string; name: string; levels: EscalationLevel[] }>(selectServicePolicy, [
    incidentId,
  ]);
  if (rows[0] === undefined) return;
  await startEscalation(ctx, incidentId, rows[0], 'incident opened');
}
