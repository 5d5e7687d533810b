import type { TestApp } from './test-app.js';

/** Creates an integration as the admin; returns its id and its key. */
export async function createIntegration(
  t: TestApp,
  body: { name: string; kind: string; serviceId?: string | null; settings?: Record<string, unknown> },
): Promise<{ id: string; key: string }> {
  const response = await t.call('POST', '/api/v1/integrations', { body });
  if (response.statusCode !== 201) throw new Error(`integration not created: ${response.statusCode} ${response.body}`);
  const { integration, key } = response.json<{ integration: { id: string }; key: string }>();
  return { id: integration.id, key };
}

/** A Prometheus alert as Prometheus sends it; `endsAt` in the past resolves it. */
export function promAlert(
  labels: Record<string, string>,
  extra: { annotations?: Record<string, string>; endsAt?: string; startsAt?: string } = {},
): Record<string, unknown> {
  return {
    labels,
    annotations: extra.annotations ?? {},
    startsAt: extra.startsAt ?? new Date(Date.now() - 60_000).toISOString(),
    endsAt: extra.endsAt ?? new Date(Date.now() + 4 * 60_000).toISOString(),
    generatorURL: 'http://127.0.0.1:9090/graph?g0.expr=up+%3D%3D+0',
  };
}

/** Posts alerts to the Prometheus way in with a key (or none). */
export function pushAlerts(t: TestApp, key: string | null, alerts: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v2/alerts',
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    payload: alerts as object,
  });
}

/** Row counts of the alert tables: a refused request must leave them as they were. */
export async function alertCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['alerts', 'incidents', 'incident_events', 'alert_groups'];
  const entries = await Promise.all(
    tables.map(
      async (table) =>
        [table, (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** The timeline event types of an incident, in order. */
export async function timelineTypes(t: TestApp, incidentId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ type: string }>(
    'SELECT type FROM incident_events WHERE incident_id = $1 ORDER BY seq',
    [incidentId],
  );
  return rows.map((row) => row.type);
}
