import type { Queryable } from '../storage/database.js';
import {
  impactOf,
  worstOf,
  type ComponentDay,
  type ComponentStatus,
  type PublicIncident,
  type StatusPage,
} from './status-page-model.js';
import { sqlEventTypes } from '../incidents/timeline-events.js';

const historyDays = 90;
const dayMs = 86_400_000;

const selectComponents = `SELECT id, name, description FROM services WHERE public ORDER BY name`;
/** Incidents touching a public service, open or resolved within the window; only public facts. */
const selectIncidents = `
  SELECT i.id, i.severity, i.status, i.detected_at, i.resolved_at, array_agg(s.id ORDER BY s.name) AS service_ids
    FROM incidents i
    JOIN incident_services x ON x.incident_id = i.id
    JOIN services s ON s.id = x.service_id AND s.public
   WHERE i.status <> 'resolved' OR i.resolved_at >= $1
   GROUP BY i.id
   ORDER BY i.detected_at DESC`;
const selectPublicUpdates = `
  SELECT incident_id, occurred_at, payload->>'phase' AS phase, payload->>'message' AS message
    FROM incident_events
   WHERE incident_id = ANY($1::text[]) AND type = ${sqlEventTypes('status_update_posted')} AND (payload->>'public')::boolean
   ORDER BY incident_id, seq`;

export type IncidentRow = {
  id: string;
  severity: string;
  status: string;
  detected_at: Date;
  resolved_at: Date | null;
  service_ids: string[];
};

/** Reads the public status page as of `now`: components, their 90-day history, incidents and their public updates. */
export async function loadStatusPage(db: Queryable, now: Date): Promise<StatusPage> {
  const since = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (historyDays - 1) * dayMs,
  );
  const { rows: components } = await db.query<{ id: string; name: string; description: string }>(selectComponents);
  const { rows: incidents } = await db.query<IncidentRow>(selectIncidents, [since]);
  const { rows: updates } = await db.query<{ incident_id: string; occurred_at: Date; phase: string; message: string }>(
    selectPublicUpdates,
    [incidents.map((row) => row.id)],
  );
  const names = new Map(components.map((component) => [component.id, component.name]));

  const updatesOf = new Map<string, PublicIncident['updates']>();
  for (const update of updates) {
    const list = updatesOf.get(update.incident_id) ?? [];
    list.push({ at: update.occurred_at.toISOString(), phase: update.phase, message: update.message });
    updatesOf.set(update.incident_id, list);
  }
  const shown: PublicIncident[] = incidents.map((row) => {
    const own = updatesOf.get(row.id) ?? [];
    return {
      id: row.id,
      components: row.service_ids.map((id) => names.get(id) ?? id),
      impact: impactOf(row.severity, 'open'),
      phase: row.status === 'resolved' ? 'resolved' : (own.at(-1)?.phase ?? 'investigating'),
      startedAt: row.detected_at.toISOString(),
      resolvedAt: row.resolved_at?.toISOString() ?? null,
      updates: own,
    };
  });
  const open = incidents.filter((row) => row.status !== 'resolved');
  const page: StatusPage = {
    generatedAt: now.toISOString(),
    status: 'operational',
    components: components.map((component) => {
      const mine = incidents.filter((row) => row.service_ids.includes(component.id));
      const status = open
        .filter((row) => row.service_ids.includes(component.id))
        .reduce<ComponentStatus>((worst, row) => worstOf(worst, impactOf(row.severity, row.status)), 'operational');
      return {
        ...component,
        status,
        history: dailyHistory(mine, since, now),
        uptimePercent: uptimeOf(mine, since, now),
      };
    }),
    incidents: [
      ...shown.filter((incident) => incident.resolvedAt === null),
      ...shown.filter((incident) => incident.resolvedAt !== null),
    ],
  };
  page.status = page.components.reduce<ComponentStatus>(
    (worst, component) => worstOf(worst, component.status),
    'operational',
  );
  return page;
}

/** Each day of the window (UTC), the worst impact of the incidents open during it. */
export function dailyHistory(incidents: readonly IncidentRow[], since: Date, now: Date): ComponentDay[] {
  const days: ComponentDay[] = [];
  for (let start = since.getTime(); start <= now.getTime(); start += dayMs) {
    const end = start + dayMs;
    const status = incidents
      .filter((row) => row.detected_at.getTime() < end && (row.resolved_at?.getTime() ?? Infinity) > start)
      .reduce<ComponentStatus>((worst, row) => worstOf(worst, impactOf(row.severity, 'open')), 'operational');
    days.push({ date: new Date(start).toISOString().slice(0, 10), status });
  }
  return days;
}

/** Share of the window not covered by an open incident (overlapping incidents counted once). */
export function uptimeOf(incidents: readonly IncidentRow[], since: Date, now: Date): number {
  const spans = incidents
    .map(
      (row) =>
        [
          Math.max(row.detected_at.getTime(), since.getTime()),
          Math.min(row.resolved_at?.getTime() ?? now.getTime(), now.getTime()),
        ] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let down = 0;
  let reach = since.getTime();
  for (const [start, end] of spans) {
    const from = Math.max(start, reach);
    if (end > from) down += end - from;
    reach = Math.max(reach, end);
  }
  const total = now.getTime() - since.getTime();
  return total <= 0 ? 100 : Math.round((10_000 * (total - down)) / total) / 100;
}
