import { backendTraits } from '../../storage/backend-differences.js';
import type { Ctx } from '../../core/context.js';
import { appendIncidentEvents } from '../../incidents/append-incident-event.js';
import { declareIncident } from '../../incidents/declare-incident.js';
import type { Severity } from '../../incidents/incident-model.js';
import type { TimelinePayloads } from '../../incidents/timeline-events.js';
import { updateIncident } from '../../incidents/update-incident.js';
import { integrationActor } from './integration-actor.js';
import {
  lockAlertGroups,
  lockGroupKeys,
  saveAlertGroup,
  setAlertsIncidents,
  touchAlertGroups,
} from './alert-statements.js';
import { mostUrgent, type PlannedAlert } from './plan-alert.js';
import { incidentLabels, incidentTitle } from './incident-fields.js';

/** A firing alert as the upsert returned it, with what planning made of it. */
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

/** A group's row as locked: its incident and what the incident is now. */
type GroupRow = { n: number; incident_id: string; opened_at: Date; status: string; severity: Severity };

/**
 * Puts paging alerts (not suppressed, not yet in an incident) into their group's incident: the
 * open one, if it is younger than the group window, else a new incident declared by the
 * integration. Each alert's arrival is a timeline event; a more urgent alert raises the
 * incident's severity and a new service is added to it. The groups are locked, and their alerts
 * and rows updated, with one statement each for all the groups of the flush (a flush holds a few
 * hundred alerts of tens of groups); each group's incident is declared or joined in turn.
 */
export async function attachAlertsToIncidents(ctx: Ctx, alerts: readonly FiringAlert[]): Promise<AttachedIncident[]> {
  const groups = new Map<string, FiringAlert[]>();
  for (const alert of alerts) {
    const key = `${alert.planned.integration.id}\u0000${alert.planned.groupKey}`;
    // Pushed, not copied: a flush may hold thousands of alerts of one group.
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [alert]);
    else group.push(alert);
  }
  if (groups.size === 0) return [];
  // Key order: two flushes locking several groups lock them in the same order.
  const ordered = [...groups.keys()].sort().map((key) => groups.get(key)!);
  const heads = ordered.map((group) => group[0]!.planned);
  const integrationIds = heads.map((head) => head.integration.id);
  const groupKeys = heads.map((head) => head.groupKey);
  if (backendTraits[ctx.db.backend].advisoryLocks)
    await ctx.db.query(lockGroupKeys, [heads.map((head) => `${head.integration.id}:${head.groupKey}`)]);
  const { rows } = await ctx.db.query<GroupRow>(lockAlertGroups, [integrationIds, groupKeys]);
  const locked = new Map(rows.map((row) => [Number(row.n) - 1, row]));
  const attached: AttachedIncident[] = [];
  for (const [index, group] of ordered.entries()) attached.push(await attachGroup(ctx, group, locked.get(index)));
  const joined = ordered.flatMap((_, index) => (attached[index]!.created ? [] : [index]));
  if (joined.length > 0)
    await ctx.db.query(touchAlertGroups, [
      joined.map((index) => integrationIds[index]),
      joined.map((index) => groupKeys[index]),
      ctx.now(),
    ]);
  const members = attached.flatMap((incident) =>
    incident.alerts.map((alert) => [alert.id, incident.incidentId] as const),
  );
  await ctx.db.query(setAlertsIncidents, [members.map(([id]) => id), members.map(([, incidentId]) => incidentId)]);
  return attached;
}

/** Joins the group's open incident or declares one; its row is locked (undefined: none yet). */
async function attachGroup(ctx: Ctx, alerts: FiringAlert[], group: GroupRow | undefined): Promise<AttachedIncident> {
  const first = alerts[0]!.planned;
  const { integration, groupKey } = first;
  const actorCtx: Ctx = { ...ctx, actor: integrationActor(integration) };
  const now = ctx.now();
  const window = integration.settings.groupWindowMinutes;
  const joinable =
    group !== undefined &&
    group.status !== 'resolved' &&
    (window === null || now.getTime() - group.opened_at.getTime() < window * 60_000);
  const severity = alerts.reduce<Severity>((worst, alert) => mostUrgent(worst, alert.planned.severity), 'P4');
  const services = [
    ...new Set(alerts.flatMap((alert) => (alert.planned.serviceId === null ? [] : [alert.planned.serviceId]))),
  ].sort();
  let incidentId: string;
  if (joinable) {
    incidentId = group.incident_id;
  } else {
    const startedAt = Math.min(
      now.getTime(),
      ...alerts.map((alert) => alert.planned.alert.startsAt?.getTime() ?? now.getTime()),
    );
    const incident = await declareIncident({
      ctx: actorCtx,
      input: {
        title: incidentTitle(alerts.map((alert) => alert.planned)),
        severity,
        services,
        labels: incidentLabels(first),
        detectedAt: new Date(startedAt).toISOString(),
      },
    });
    incidentId = incident.id;
    await ctx.db.query(saveAlertGroup, [integration.id, groupKey, incidentId, now]);
  }
  await appendIncidentEvents(
    actorCtx,
    incidentId,
    alerts.map((alert) => ({ type: 'alert_fired', payload: firedPayload(alert) })),
  );
  if (joinable) await raiseIncident(actorCtx, incidentId, group.severity, severity, services);
  return { incidentId, created: !joinable, alerts };
}

/** A more urgent alert raises the incident's severity; alerts of another service add it. */
async function raiseIncident(
  ctx: Ctx,
  incidentId: string,
  current: Severity,
  severity: Severity,
  services: string[],
): Promise<void> {
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
    ctx,
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
