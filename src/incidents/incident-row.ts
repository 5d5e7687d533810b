import type { SeverityPolicy } from '../severity/severity-policy.js';
import { resolutionDueAt } from '../severity/severity-policy.js';
import type { Incident, IncidentStatus, Severity } from './incident-model.js';
import { allowedActions } from './lifecycle.js';

/** An incidents row joined with its services and roles (`selectIncidents`). */
export interface IncidentRow {
  [column: string]: unknown;
  id: string;
  number: number;
  title: string;
  summary: string;
  impact: string;
  severity: Severity;
  status: IncidentStatus;
  labels: Record<string, string>;
  detected_at: Date;
  acknowledged_at: Date | null;
  mitigated_at: Date | null;
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
  last_event_seq: number;
  services: string[];
  roles: Record<string, { userId: string; name: string }>;
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** The API view of an incident: its row plus what the severity policy says of it at `now`. */
export function toIncident(row: IncidentRow, policies: Map<Severity, SeverityPolicy>, now: Date): Incident {
  const due = resolutionDueAt(policies.get(row.severity), row.detected_at);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    summary: row.summary,
    impact: row.impact,
    severity: row.severity,
    status: row.status,
    services: row.services,
    roles: row.roles,
    commander: row.roles['commander'] ?? null,
    labels: row.labels,
    detectedAt: row.detected_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    mitigatedAt: iso(row.mitigated_at),
    resolvedAt: iso(row.resolved_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    resolutionDueAt: iso(due),
    overdue: due !== null && (row.resolved_at ?? now).getTime() > due.getTime(),
    allowedActions: allowedActions(row.status),
  };
}
