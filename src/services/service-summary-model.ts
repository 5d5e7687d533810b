import { Type, type Static } from 'typebox';
import { ServiceSchema } from './service-model.js';

/**
 * A service as the console's services pages show it: the catalogue entry, how it is doing and
 * why, its escalation policy, and who answers for it now. Computed on read, never stored.
 */

export const serviceHealths = ['operational', 'degraded', 'down'] as const;
export type ServiceHealth = (typeof serviceHealths)[number];

const nullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * One thing that makes a service less than operational: an open incident or a probe not up.
 * `health` is what this one reason alone would make the service.
 */
export const HealthReasonSchema = Type.Object(
  {
    kind: Type.Enum(['incident', 'probe'] as const),
    health: Type.Enum(serviceHealths),
    id: Type.String({ description: 'the incident id or the probe id' }),
    title: Type.String({ description: 'the incident title or the probe name' }),
    severity: Type.String({ description: 'the incident severity, or the severity of the probe alert' }),
    status: Type.String({ description: 'the incident status, or the probe status (down, flapping, pending)' }),
  },
  { title: 'ServiceHealthReason' },
);
export type HealthReason = Static<typeof HealthReasonSchema>;

/** A person who would be paged for the service now, through which target, and until when. */
export const ServiceOnCallSchema = Type.Object(
  {
    userId: Type.String(),
    name: Type.String(),
    via: Type.Object({
      type: Type.Enum(['user', 'schedule', 'team'] as const),
      id: Type.String(),
      name: Type.String(),
    }),
    until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'when a schedule hands over; null for a user or a team',
    }),
  },
  { title: 'ServiceOnCall' },
);
export type ServiceOnCall = Static<typeof ServiceOnCallSchema>;

export const ServiceSummarySchema = Type.Object(
  {
    ...ServiceSchema.properties,
    ownerTeamName: nullableString,
    escalationPolicyId: nullableString,
    health: Type.Enum(serviceHealths, {
      description:
        'down: an open P1 not yet mitigated, or a probe down; degraded: any other open incident, or a probe flapping or pending',
    }),
    reasons: Type.Array(HealthReasonSchema, { description: 'worst first' }),
    openIncidents: Type.Integer(),
    onCall: Type.Array(ServiceOnCallSchema, {
      description: "level 1 of its escalation policy now; without one, the owner team's schedules",
    }),
  },
  { title: 'ServiceSummary' },
);
export type ServiceSummary = Static<typeof ServiceSummarySchema>;
