import type { ProbeSettings } from './probe-input.js';
import type { ProbeKind, ProbeTarget } from './probe-kinds.js';
import { redactProbeTarget, sealProbeTarget } from './probe-secrets.js';
import { firstRunAt } from './schedule/first-run-at.js';
import type { LastProbeResult, Probe } from './probe-view.js';
import type { ProbeStatus } from './state/probe-state.js';

// The probe operations take the API's shape from here, next to the row it is mapped from.
export type { LastProbeResult, Probe } from './probe-view.js';

export interface ProbeRow {
  [column: string]: unknown;
  id: string;
  name: string;
  kind: ProbeKind;
  service_id: string | null;
  target: ProbeTarget;
  conditions: string[];
  severity: 'P1' | 'P2' | 'P3' | 'P4';
  labels: Record<string, string>;
  interval_seconds: number;
  retry_interval_seconds: number;
  timeout_ms: number;
  retries: number;
  for_seconds: number;
  keep_firing_for_seconds: number;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
  next_run_at: Date;
  status: ProbeStatus;
  last_checked_at: Date | null;
  last_result: LastProbeResult | null;
}

export const probeColumns = `id, name, kind, service_id, target, conditions, severity, labels, interval_seconds, retry_interval_seconds,
  timeout_ms, retries, for_seconds, keep_firing_for_seconds, enabled, created_at, updated_at, next_run_at, status, last_checked_at, last_result`;

export function toProbe(row: ProbeRow): Probe {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    serviceId: row.service_id,
    target: redactProbeTarget(row.target),
    conditions: row.conditions,
    severity: row.severity,
    labels: row.labels,
    intervalSeconds: row.interval_seconds,
    retryIntervalSeconds: row.retry_interval_seconds,
    timeoutMs: row.timeout_ms,
    retries: row.retries,
    forSeconds: row.for_seconds,
    keepFiringForSeconds: row.keep_firing_for_seconds,
    enabled: row.enabled,
    status: row.status,
    lastCheckedAt: row.last_checked_at?.toISOString() ?? null,
    lastResult: row.last_result,
    nextRunAt: row.next_run_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The values of a probe's row in `probeColumns`' writable order ($1…$17), its target's secrets
 * sealed: creating and changing a probe write the same columns.
 */
export function probeRowValues(
  id: string,
  settings: ProbeSettings,
  secretKey: Uint8Array | null,
  now: Date,
): unknown[] {
  return [
    id,
    settings.name,
    settings.target.kind,
    settings.serviceId,
    JSON.stringify(sealProbeTarget(settings.target, id, secretKey)),
    JSON.stringify(settings.conditions),
    settings.severity,
    JSON.stringify(settings.labels),
    settings.intervalSeconds,
    settings.retryIntervalSeconds,
    settings.timeoutMs,
    settings.retries,
    settings.forSeconds,
    settings.keepFiringForSeconds,
    settings.enabled,
    now,
    firstRunAt(now, settings.intervalSeconds),
  ];
}
