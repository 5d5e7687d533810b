import type { Labels } from '../../alerts/alert-model.js';
import type { Database, Queryable } from '../../storage/database.js';
import type { ProbeTiming } from '../probe-input.js';
import type { ProbeKind, ProbeTarget } from '../probe-kinds.js';
import type { ProbeState } from '../state/probe-state.js';

/** A series of a Prometheus probe and its own state machine. */
export interface SeriesState {
  labels: Labels;
  state: ProbeState;
}

/** The state stored on a probe: its own, and for Prometheus probes one per series seen failing. */
export type StoredProbeState = Partial<ProbeState> & { series?: Record<string, SeriesState> };

/** A due probe this node claimed: its settings, its state, and the lease that fences its result. */
export interface ClaimedProbe extends ProbeTiming {
  id: string;
  name: string;
  kind: ProbeKind;
  serviceId: string | null;
  target: ProbeTarget;
  conditions: string[];
  severity: string;
  labels: Labels;
  scheduledAt: Date;
  leaseUntil: Date;
  state: StoredProbeState;
}

/**
 * Due probes, oldest slot first, leased to this node for their timeout plus a margin. SKIP LOCKED
 * lets nodes claim side by side without waiting on each other; an expired lease (a node that
 * died mid-check) makes the probe due again for anyone.
 */
const claimDueProbes = `
  WITH due AS (
    SELECT id FROM probes
     WHERE enabled AND next_run_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
     ORDER BY next_run_at LIMIT $2
       FOR UPDATE SKIP LOCKED)
  UPDATE probes p SET lease_until = $1::timestamptz + (p.timeout_ms + $3::int) * interval '1 millisecond'
    FROM due WHERE p.id = due.id
  RETURNING p.id, p.name, p.kind, p.service_id, p.target, p.conditions, p.severity, p.labels, p.interval_seconds,
            p.retry_interval_seconds, p.timeout_ms, p.retries, p.for_seconds, p.keep_firing_for_seconds, p.next_run_at,
            p.lease_until, p.state`;

type ClaimRow = {
  id: string;
  name: string;
  kind: ProbeKind;
  service_id: string | null;
  target: ProbeTarget;
  conditions: string[];
  severity: string;
  labels: Labels;
  interval_seconds: number;
  retry_interval_seconds: number;
  timeout_ms: number;
  retries: number;
  for_seconds: number;
  keep_firing_for_seconds: number;
  next_run_at: Date;
  lease_until: Date;
  state: StoredProbeState;
};

/** Beyond its timeout, how long a claimed probe stays with its node (writing the result takes time too). */
export const leaseMarginMs = 30_000;

/** Claims up to `limit` due probes (one statement, its own transaction). */
export async function claimProbes(db: Database | Queryable, now: Date, limit: number): Promise<ClaimedProbe[]> {
  const { rows } = await db.query<ClaimRow>(claimDueProbes, [now, limit, leaseMarginMs]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    serviceId: row.service_id,
    target: row.target,
    conditions: row.conditions,
    severity: row.severity,
    labels: row.labels,
    intervalSeconds: row.interval_seconds,
    retryIntervalSeconds: row.retry_interval_seconds,
    timeoutMs: row.timeout_ms,
    retries: row.retries,
    forSeconds: row.for_seconds,
    keepFiringForSeconds: row.keep_firing_for_seconds,
    scheduledAt: row.next_run_at,
    leaseUntil: row.lease_until,
    state: row.state,
  }));
}

/** Gives claimed probes back untouched (a stopping node), so that another node checks them now rather than after the lease. */
export async function releaseProbes(db: Queryable, probes: readonly ClaimedProbe[]): Promise<void> {
  if (probes.length === 0) return;
  await db.query(
    `UPDATE probes p SET lease_until = NULL FROM json_to_recordset($1::json) AS r(id uuid, lease_until timestamptz)
                   WHERE p.id = r.id AND p.lease_until = r.lease_until`,
    [JSON.stringify(probes.map((probe) => ({ id: probe.id, lease_until: probe.leaseUntil })))],
  );
}
