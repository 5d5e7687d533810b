import { Type, type Static } from 'typebox';
import { SeveritySchema, type Severity } from '../incidents/incident-model.js';

/** An alert as the API shows it. */
export const AlertSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    integration: Type.String({ description: "the integration's name" }),
    fingerprint: Type.String(),
    status: Type.Enum(['firing', 'resolved']),
    title: Type.String(),
    severity: SeveritySchema,
    sourceSeverity: Type.Union([Type.String(), Type.Null()]),
    serviceId: Type.Union([Type.String(), Type.Null()]),
    labels: Type.Record(Type.String(), Type.String()),
    annotations: Type.Record(Type.String(), Type.String()),
    sourceUrl: Type.Union([Type.String(), Type.Null()]),
    startsAt: Type.String({ format: 'date-time' }),
    firstSeenAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Type.String({ format: 'date-time' }),
    resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    count: Type.Integer({ description: 'how many times the sender sent it in this episode' }),
    incidentId: Type.Union([Type.String(), Type.Null()]),
    suppressed: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
      description: 'why it does not page: silences, maintenance, inhibitedBy',
    }),
  },
  { title: 'Alert' },
);
export type AlertView = Static<typeof AlertSchema>;

export interface AlertRow {
  [column: string]: unknown;
  id: string;
  integration_name: string;
  fingerprint: string;
  status: 'firing' | 'resolved';
  title: string;
  severity: Severity;
  source_severity: string | null;
  service_id: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  source_url: string | null;
  starts_at: Date;
  first_seen_at: Date;
  last_seen_at: Date;
  resolved_at: Date | null;
  acknowledged_at: Date | null;
  event_count: number;
  incident_id: string | null;
  suppressed: Record<string, unknown> | null;
}

export const alertColumns = `a.id, i.name AS integration_name, a.fingerprint, a.status, a.title, a.severity, a.source_severity, a.service_id,
  a.labels, a.annotations, a.source_url, a.starts_at, a.first_seen_at, a.last_seen_at, a.resolved_at, a.acknowledged_at,
  a.event_count, a.incident_id, a.suppressed`;

export function toAlertView(row: AlertRow): AlertView {
  return {
    id: row.id,
    integration: row.integration_name,
    fingerprint: row.fingerprint,
    status: row.status,
    title: row.title,
    severity: row.severity,
    sourceSeverity: row.source_severity,
    serviceId: row.service_id,
    labels: row.labels,
    annotations: row.annotations,
    sourceUrl: row.source_url,
    startsAt: row.starts_at.toISOString(),
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    count: row.event_count,
    incidentId: row.incident_id,
    suppressed: row.suppressed,
  };
}
