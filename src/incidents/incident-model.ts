import { Type, type Static } from 'typebox';
import { timelineEventTypes } from './timeline-events.js';

export const severities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Severity = (typeof severities)[number];

export const incidentStatuses = ['triggered', 'acknowledged', 'mitigated', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentRoles = ['commander', 'communications', 'operations', 'scribe'] as const;
export type IncidentRole = (typeof incidentRoles)[number];

export const SeveritySchema = Type.Enum(severities);
export const IncidentStatusSchema = Type.Enum(incidentStatuses);
export const IncidentRoleSchema = Type.Enum(incidentRoles);
export const LabelsSchema = Type.Record(
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,99}$' }),
  Type.String({ maxLength: 1000 }),
);

export const ActorViewSchema = Type.Object({
  type: Type.Union([Type.Literal('user'), Type.Literal('integration'), Type.Literal('runner'), Type.Literal('system')]),
  id: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
});

export const IncidentSchema = Type.Object(
  {
    id: Type.String({ examples: ['INC-42'] }),
    number: Type.Integer(),
    title: Type.String(),
    summary: Type.String(),
    impact: Type.String(),
    severity: SeveritySchema,
    status: IncidentStatusSchema,
    services: Type.Array(Type.String()),
    roles: Type.Record(Type.String(), Type.Object({ userId: Type.String(), name: Type.String() })),
    commander: Type.Union([Type.Object({ userId: Type.String(), name: Type.String() }), Type.Null()]),
    labels: Type.Record(Type.String(), Type.String()),
    detectedAt: Type.String({ format: 'date-time' }),
    acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    mitigatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    resolutionDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    overdue: Type.Boolean(),
    allowedActions: Type.Array(Type.String()),
  },
  { title: 'Incident' },
);
export type Incident = Static<typeof IncidentSchema>;

/**
 * A timeline event as the API answers it. The payload stays an open record here on purpose: the
 * response serializer would otherwise emit a schema's fields in its own order and drop or demand
 * fields, and stored rows are sent back exactly as written. Its shape by type is `TimelineEvent`.
 */
export const TimelineEventSchema = Type.Object(
  {
    seq: Type.Integer(),
    type: Type.Enum(timelineEventTypes),
    occurredAt: Type.String({ format: 'date-time' }),
    actor: ActorViewSchema,
    payload: Type.Record(Type.String(), Type.Unknown()),
  },
  { title: 'TimelineEvent' },
);
export type { TimelineEvent } from './timeline-events.js';
