import { systemCtx, type Ctx } from '../../core/context.js';
import { appendIncidentEvent } from '../../incidents/append-incident-event.js';
import { lockIncidentRow } from '../../incidents/load-incident.js';
import { scheduleTimer } from '../../jobs/schedule-timer.js';
import { timerKinds } from '../../jobs/timer-kinds.js';
import type { DueTimer } from '../../jobs/timer-runner.js';
import type { Queryable, Transaction } from '../../storage/database.js';
import { sqlEventTypes } from '../../incidents/timeline-events.js';

const selectCadence = `SELECT status_update_minutes FROM severity_policies WHERE severity = $1`;
/** When the incident last told its audience something: its last status update, or its declaration. */
const selectLastUpdate = `
  SELECT max(occurred_at) AS at FROM incident_events WHERE incident_id = $1 AND type IN (${sqlEventTypes('status_update_posted', 'incident_declared')})`;
const selectCommander = `
  SELECT r.user_id, u.notification_rules FROM incident_roles r JOIN users u ON u.id = r.user_id
   WHERE r.incident_id = $1 AND r.role = 'commander' AND u.deactivated_at IS NULL`;
const selectChannels = `SELECT id, kind FROM notification_channels WHERE enabled ORDER BY id`;
const insertDelivery = `
  INSERT INTO notification_deliveries (id, incident_id, user_id, channel_id, kind, recipient, status, message, created_at, updated_at)
  SELECT $1, $2, u.id, $3, 'status_reminder', u.email, 'pending', $4, $5, $5 FROM users u WHERE u.id = $6
  ON CONFLICT (id) DO NOTHING`;

/**
 * Schedules the reminder due one cadence after `since` (the last time the audience was told
 * something); deterministic id: scheduling it twice makes one.
 */
export async function scheduleStatusReminder(
  db: Queryable,
  incidentId: string,
  since: Date,
  cadenceMinutes: number,
): Promise<void> {
  const dueAt = new Date(since.getTime() + cadenceMinutes * 60_000);
  await scheduleTimer(db, {
    id: `remind:${incidentId}:${dueAt.getTime()}`,
    kind: timerKinds.statusReminder,
    dueAt,
    payload: { incidentId, since: since.toISOString() },
  });
}

/** The cadence of a severity in minutes, or null when it has none. */
export async function statusCadenceMinutes(db: Queryable, severity: string): Promise<number | null> {
  const { rows } = await db.query<{ status_update_minutes: number | null }>(selectCadence, [severity]);
  return rows[0]?.status_update_minutes ?? null;
}

/**
 * The status-update cadence of an open incident (P1 every 15 minutes by default): when no status
 * update was posted for a whole period, the timeline says so and the commander is reminded
 * (through their e-mail rule, or their first rule); then the next check is scheduled. An update
 * posted meanwhile only moves the next check.
 */
export async function handleStatusReminder(tx: Transaction, timer: DueTimer, now: () => Date): Promise<void> {
  const incidentId = String(timer.payload['incidentId']);
  const ctx: Ctx = systemCtx(tx, now, `timer:${timer.id}`);
  const incident = await lockIncidentRow(ctx, incidentId);
  if (incident.status === 'resolved') return;
  const cadence = await statusCadenceMinutes(tx, incident.severity);
  if (cadence === null) return;
  const at = now();
  const since = new Date(String(timer.payload['since']));
  const { rows } = await tx.query<{ at: Date | null }>(selectLastUpdate, [incidentId]);
  const last = rows[0]?.at ?? since;
  // An update posted since this check was planned: the next one is a cadence after it.
  if (last.getTime() > since.getTime()) {
    await scheduleStatusReminder(tx, incidentId, last, cadence);
    return;
  }
  const silentMinutes = Math.round((at.getTime() - since.getTime()) / 60_000);
  const { rows: commanders } = await tx.query<{ user_id: string; notification_rules: { channel: string }[] }>(
    selectCommander,
    [incidentId],
  );
  const commander = commanders[0];
  let reminded = false;
  if (commander !== undefined) {
    const { rows: channels } = await tx.query<{ id: string; kind: string }>(selectChannels);
    const wanted =
      commander.notification_rules.find((rule) => rule.channel === 'email') ?? commander.notification_rules[0];
    const channel =
      channels.find((candidate) => candidate.kind === 'email') ??
      channels.find((candidate) => candidate.kind === wanted?.channel);
    if (channel !== undefined) {
      const id = `remind.${incidentId}.${at.getTime()}.${commander.user_id}`;
      await tx.query(insertDelivery, [
        id,
        incidentId,
        channel.id,
        JSON.stringify({ kind: 'status_reminder', silentMinutes }),
        at,
        commander.user_id,
      ]);
      await scheduleTimer(tx, {
        id: `deliver:${id}`,
        kind: timerKinds.deliver,
        dueAt: at,
        payload: { deliveryId: id },
      });
      reminded = true;
    }
  }
  await appendIncidentEvent(ctx, incidentId, {
    type: 'status_update_due',
    payload: {
      silentMinutes,
      cadenceMinutes: cadence,
      commanderReminded: reminded,
    },
  });
  // Counted from now: the next reminder comes a full cadence after this one.
  await scheduleStatusReminder(tx, incidentId, at, cadence);
}
