import type { Ctx } from '../../core/context.js';
import { upsertFiringAlerts } from './alert-statements.js';
import type { GroupIncident } from './claim-group-incidents.js';
import type { Suppression } from './load-suppressions.js';
import type { PlannedAlert } from './plan-alert.js';

/** The last trigger of a key in a flush, how many it got, and why it does not page (null: it pages). */
export interface FlushTrigger {
  planned: PlannedAlert;
  count: number;
  suppressed: Suppression | null;
}

type StoredRow = { id: string; integration_id: string; fingerprint: string; incident_id: string | null };

/**
 * Writes the flush's triggers in one statement, each paging alert with the incident chosen for
 * its group: a new alert is inserted once, complete. Returns the id of each paging alert stored
 * in that incident (by planned alert), which its `alert_fired` event names. A paging alert found
 * in another incident (stored concurrently under another group key) is left out: it is that
 * incident's, which recorded it.
 */
export async function storeFiringAlerts(
  ctx: Ctx,
  triggers: readonly FlushTrigger[],
  claimed: readonly GroupIncident[],
): Promise<Map<PlannedAlert, string>> {
  const incidentOf = new Map<PlannedAlert, string>();
  for (const group of claimed) for (const planned of group.alerts) incidentOf.set(planned, group.incidentId);
  const now = ctx.now();
  const { rows } = await ctx.db.query<StoredRow>(upsertFiringAlerts, [
    now,
    JSON.stringify(
      triggers.map(({ planned, count, suppressed }) => ({
        integration_id: planned.integration.id,
        fingerprint: planned.alert.fingerprint,
        title: planned.alert.title,
        severity: planned.severity,
        source_severity: planned.alert.severity,
        service_id: planned.serviceId,
        labels: planned.alert.labels,
        annotations: planned.alert.annotations,
        source_url: planned.alert.sourceUrl,
        starts_at: (planned.alert.startsAt ?? now).toISOString(),
        ends_at: planned.alert.endsAt?.toISOString() ?? null,
        count,
        group_key: planned.groupKey,
        suppressed,
        incident_id: incidentOf.get(planned) ?? null,
      })),
    ),
  ]);
  const paging = new Map<string, PlannedAlert>();
  for (const planned of incidentOf.keys())
    paging.set(`${planned.integration.id}\u0000${planned.alert.fingerprint}`, planned);
  const stored = new Map<PlannedAlert, string>();
  for (const row of rows) {
    const planned = paging.get(`${row.integration_id}\u0000${row.fingerprint}`);
    if (planned !== undefined && row.incident_id === incidentOf.get(planned)) stored.set(planned, row.id);
  }
  return stored;
}
