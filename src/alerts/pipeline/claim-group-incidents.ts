import type { Ctx } from '../../core/context.js';
import { declareIncident } from '../../incidents/declare-incident.js';
import type { Severity } from '../../incidents/incident-model.js';
import { integrationActor } from './integration-actor.js';
import { lockAlertGroups, saveAlertGroup, touchAlertGroups } from './alert-statements.js';
import { mostUrgent, type PlannedAlert } from './plan-alert.js';
import { incidentLabels, incidentTitle } from './incident-fields.js';

/** The incident a group's paging alerts go into, chosen before they are written. */
export interface GroupIncident {
  incidentId: string;
  /** This flush declared it (else it joins it, whose severity was `severity`). */
  created: boolean;
  severity: Severity;
  alerts: PlannedAlert[];
}

/** A group's row as locked: its incident and what the incident is now. */
type GroupRow = { n: number; incident_id: string; opened_at: Date; status: string; severity: Severity };

/**
 * Chooses the incident of each group that has paging alerts (not suppressed, not yet in an
 * incident): the open one, if it is younger than the group window, else a new incident declared
 * by the integration. It runs before the alerts are written, so that each new alert is inserted
 * with its incident once. The groups' rows are locked in key order with one statement for all
 * the groups of the flush (two flushes locking several groups lock them in the same order; the
 * caller holds the groups' advisory locks on PostgreSQL, so two nodes never open two incidents
 * for one group); each group's incident is declared or joined in turn.
 */
export async function claimGroupIncidents(ctx: Ctx, paging: readonly PlannedAlert[]): Promise<GroupIncident[]> {
  const groups = new Map<string, PlannedAlert[]>();
  for (const alert of paging) {
    const key = `${alert.integration.id}\u0000${alert.groupKey}`;
    // Pushed, not copied: a flush may hold thousands of alerts of one group.
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [alert]);
    else group.push(alert);
  }
  if (groups.size === 0) return [];
  const ordered = [...groups.keys()].sort().map((key) => groups.get(key)!);
  const integrationIds = ordered.map((group) => group[0]!.integration.id);
  const groupKeys = ordered.map((group) => group[0]!.groupKey);
  const { rows } = await ctx.db.query<GroupRow>(lockAlertGroups, [integrationIds, groupKeys]);
  const locked = new Map(rows.map((row) => [Number(row.n) - 1, row]));
  const claimed: GroupIncident[] = [];
  for (const [index, group] of ordered.entries()) claimed.push(await claimGroup(ctx, group, locked.get(index)));
  const joined = ordered.flatMap((_, index) => (claimed[index]!.created ? [] : [index]));
  if (joined.length > 0)
    await ctx.db.query(touchAlertGroups, [
      joined.map((index) => integrationIds[index]),
      joined.map((index) => groupKeys[index]),
      ctx.now(),
    ]);
  return claimed;
}

/** Joins the group's open incident or declares one; its row is locked (undefined: none yet). */
async function claimGroup(ctx: Ctx, alerts: PlannedAlert[], group: GroupRow | undefined): Promise<GroupIncident> {
  const first = alerts[0]!;
  const { integration, groupKey } = first;
  const now = ctx.now();
  const window = integration.settings.groupWindowMinutes;
  const joinable =
    group !== undefined &&
    group.status !== 'resolved' &&
    (window === null || now.getTime() - group.opened_at.getTime() < window * 60_000);
  if (joinable) return { incidentId: group.incident_id, created: false, severity: group.severity, alerts };
  const severity = alerts.reduce<Severity>((worst, alert) => mostUrgent(worst, alert.severity), 'P4');
  const services = [...new Set(alerts.flatMap((alert) => (alert.serviceId === null ? [] : [alert.serviceId])))].sort();
  const startedAt = Math.min(now.getTime(), ...alerts.map((alert) => alert.alert.startsAt?.getTime() ?? now.getTime()));
  const incident = await declareIncident({
    ctx: { ...ctx, actor: integrationActor(integration) },
    input: {
      title: incidentTitle(alerts),
      severity,
      services,
      labels: incidentLabels(first),
      detectedAt: new Date(startedAt).toISOString(),
    },
  });
  await ctx.db.query(saveAlertGroup, [integration.id, groupKey, incident.id, now]);
  return { incidentId: incident.id, created: true, severity, alerts };
}
