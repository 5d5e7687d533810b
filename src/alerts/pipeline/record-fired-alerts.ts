import type { Ctx } from '../../core/context.js';
import { appendEventsToIncidents } from '../../incidents/append-incident-event.js';
import type { Severity } from '../../incidents/incident-model.js';
import type { TimelinePayloads } from '../../incidents/timeline-events.js';
import { updateIncident } from '../../incidents/update-incident.js';
import type { GroupIncident } from './claim-group-incidents.js';
import { integrationActor } from './integration-actor.js';
import { mostUrgent, type PlannedAlert } from './plan-alert.js';

/** A stored alert that joined an incident in this flush, with what planning made of it. */
export interface FiringAlert {
  id: string;
  planned: PlannedAlert;
}

/** An incident alerts were attached to, and whether this flush opened it. */
export interface AttachedIncident {
  incidentId: string;
  created: boolean;
  alerts: FiringAlert[];
}

/**
 * Writes the arrival of the alerts that joined their group's incident into the timelines, all
 * incidents in one statement, once the upsert gave the alerts their ids (`storedIds`: the id of
 * each paging alert the upsert stored in the incident chosen for it, by planned alert). Then a
 * more urgent alert raises a joined incident's severity and a new service is added to it.
 */
export async function recordFiredAlerts(
  ctx: Ctx,
  claimed: readonly GroupIncident[],
  storedIds: ReadonlyMap<PlannedAlert, string>,
): Promise<AttachedIncident[]> {
  const attached = claimed.flatMap(({ incidentId, created, alerts }): AttachedIncident[] => {
    const joined = alerts.flatMap((planned) => {
      const id = storedIds.get(planned);
      return id === undefined ? [] : [{ id, planned }];
    });
    return joined.length === 0 ? [] : [{ incidentId, created, alerts: joined }];
  });
  await appendEventsToIncidents(
    ctx,
    attached.map(({ incidentId, alerts }) => ({
      incidentId,
      actor: integrationActor(alerts[0]!.planned.integration),
      events: alerts.map((alert) => ({ type: 'alert_fired', payload: firedPayload(alert) })),
    })),
  );
  const severities = new Map(claimed.map((group) => [group.incidentId, group.severity]));
  for (const { incidentId, created, alerts } of attached)
    if (!created) await raiseIncident(ctx, incidentId, severities.get(incidentId)!, alerts);
  return attached;
}

/** A more urgent alert raises the incident's severity; alerts of another service add it. */
async function raiseIncident(ctx: Ctx, incidentId: string, current: Severity, alerts: FiringAlert[]): Promise<void> {
  const severity = alerts.reduce<Severity>((worst, alert) => mostUrgent(worst, alert.planned.severity), 'P4');
  const services = [
    ...new Set(alerts.flatMap((alert) => (alert.planned.serviceId === null ? [] : [alert.planned.serviceId]))),
  ].sort();
  const raise = mostUrgent(current, severity) !== current;
  let missing: string[] = [];
  if (services.length > 0) {
    const { rows } = await ctx.db.query<{ service_id: string }>(
      'SELECT service_id FROM incident_services WHERE incident_id = $1',
      [incidentId],
    );
    const known = new Set(rows.map((row) => row.service_id));
    missing = services.filter((service) => !known.has(service));
    if (missing.length > 0) missing = [...known, ...missing].sort();
  }
  if (!raise && missing.length === 0) return;
  await updateIncident({
    ctx: { ...ctx, actor: integrationActor(alerts[0]!.planned.integration) },
    input: {
      id: incidentId,
      ...(raise ? { severity } : {}),
      ...(missing.length > 0 ? { services: missing } : {}),
      reason: 'alerts joined the incident',
    },
  });
}

function firedPayload({ id, planned }: FiringAlert): TimelinePayloads['alert_fired'] {
  const { alert, integration } = planned;
  return {
    alertId: id,
    fingerprint: alert.fingerprint,
    title: alert.title,
    severity: planned.severity,
    sourceSeverity: alert.severity,
    service: planned.serviceId,
    integration: integration.name,
    labels: alert.labels,
    sourceUrl: alert.sourceUrl,
  };
}
