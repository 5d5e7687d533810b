import { ingestAlerts } from '../../alerts/pipeline/ingest-alerts.js';
import type { RunbookCatalogue } from '../../alerts/pipeline/runbook-catalogue.js';
import type { Ctx } from '../../core/context.js';
import type { CheckDecision } from './decide-probe-check.js';
import { loadProbeIntegration } from './probe-alerts.js';

/**
 * The probes still leased as claimed get their new state, status and next slot; the lease is the
 * fence: a probe changed or deleted meanwhile (lease reset) or taken over by another node after
 * the lease ran out is left alone, and its result dropped.
 */
const saveStates = `
  UPDATE probes p
     SET state = r.state, status = r.status, next_run_at = r.next_run_at, lease_until = NULL,
         last_checked_at = r.started_at, last_result = r.last_result
    FROM json_to_recordset($1::json) AS r(id uuid, lease_until timestamptz, state jsonb, status text, next_run_at timestamptz,
                                          started_at timestamptz, last_result jsonb)
   WHERE p.id = r.id AND p.lease_until = r.lease_until
  RETURNING p.id`;

/** Keyed by slot: a slot checked twice (a node died after writing) is recorded once. */
const insertResults = `
  INSERT INTO probe_results (probe_id, scheduled_at, started_at, success, latency_ms, detail)
  SELECT r.probe_id, r.scheduled_at, r.started_at, r.success, r.latency_ms, r.detail
    FROM json_to_recordset($1::json) AS r(probe_id uuid, scheduled_at timestamptz, started_at timestamptz, success boolean,
                                          latency_ms integer, detail text)
  ON CONFLICT DO NOTHING`;

const addHourly = `
  INSERT INTO probe_hourly (probe_id, hour, checks, failures, latency_sum, latency_max)
  SELECT r.probe_id, r.hour, r.checks, r.failures, r.latency_sum, r.latency_max
    FROM json_to_recordset($1::json) AS r(probe_id uuid, hour timestamptz, checks integer, failures integer, latency_sum bigint, latency_max integer)
  ON CONFLICT (probe_id, hour) DO UPDATE SET checks = probe_hourly.checks + excluded.checks, failures = probe_hourly.failures + excluded.failures,
         latency_sum = probe_hourly.latency_sum + excluded.latency_sum, latency_max = greatest(probe_hourly.latency_max, excluded.latency_max)`;

const hourOf = (at: Date): string => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();

/**
 * Writes the outcome of many checks in one transaction (a node checking thousands of probes
 * writes a batch per tick, not a transaction per check): states, results, hourly figures, and the
 * alerts that fire or resolve, through the alert pipeline (silences, grouping, incidents).
 * Returns the decisions that were still this node's to write.
 */
export async function recordProbeChecks(
  ctx: Ctx,
  decisions: readonly CheckDecision[],
  catalogue: RunbookCatalogue,
): Promise<CheckDecision[]> {
  if (decisions.length === 0) return [];
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { ...ctx, db };
    const { rows } = await db.query<{ id: string }>(saveStates, [
      JSON.stringify(
        decisions.map((decision) => ({
          id: decision.probe.id,
          lease_until: decision.probe.leaseUntil,
          state: decision.state,
          status: decision.status,
          next_run_at: decision.nextRunAt,
          started_at: decision.startedAt,
          last_result: decision.lastResult,
        })),
      ),
    ]);
    const ours = new Set(rows.map((row) => row.id));
    const written = decisions.filter((decision) => ours.has(decision.probe.id));
    if (written.length === 0) return [];
    await db.query(insertResults, [
      JSON.stringify(
        written.map((decision) => ({
          probe_id: decision.probe.id,
          scheduled_at: decision.probe.scheduledAt,
          started_at: decision.startedAt,
          success: decision.lastResult.success,
          latency_ms: decision.lastResult.latencyMs,
          detail: decision.lastResult.detail,
        })),
      ),
    ]);
    const hourly = new Map<
      string,
      { probe_id: string; hour: string; checks: number; failures: number; latency_sum: number; latency_max: number }
    >();
    for (const decision of written) {
      const hour = hourOf(decision.startedAt);
      const key = `${decision.probe.id}/${hour}`;
      const entry = hourly.get(key) ?? {
        probe_id: decision.probe.id,
        hour,
        checks: 0,
        failures: 0,
        latency_sum: 0,
        latency_max: 0,
      };
      entry.checks += 1;
      entry.failures += decision.lastResult.success ? 0 : 1;
      entry.latency_sum += decision.lastResult.latencyMs;
      entry.latency_max = Math.max(entry.latency_max, decision.lastResult.latencyMs);
      hourly.set(key, entry);
    }
    await db.query(addHourly, [JSON.stringify([...hourly.values()])]);
    const alerts = written.flatMap((decision) => decision.alerts);
    if (alerts.length > 0) await ingestAlerts(tx, [{ integration: await loadProbeIntegration(db), alerts }], catalogue);
    return written;
  });
}
