import { Type, type Static, type TSchema } from 'typebox';
import { SeveritySchema } from '../incidents/incident-model.js';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const postmortemStatuses = ['draft', 'in-review', 'published'] as const;
export type PostmortemStatus = (typeof postmortemStatuses)[number];
export const PostmortemStatusSchema = Type.Enum(postmortemStatuses);

/**
 * What a section holds. `timeline`, `durations` and `actions` are written by Astreinte (from the
 * timeline and the corrective actions) and their body is a note under that; the others are the
 * humans' to write.
 */
export const sectionKinds = [
  'summary',
  'impact',
  'timeline',
  'durations',
  'rootCause',
  'resolution',
  'actions',
  'lessons',
  'custom',
] as const;
export type SectionKind = (typeof sectionKinds)[number];

export const PostmortemSectionSchema = Type.Object({
  key: Type.String({
    pattern: '^[a-z][a-z0-9-]{0,62}$',
    description: 'stable id of the section within the post-mortem',
  }),
  kind: Type.Enum(sectionKinds),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ maxLength: 100_000, description: 'Markdown' }),
});
export type PostmortemSection = Static<typeof PostmortemSectionSchema>;

export const keyMomentKinds = [
  'alert',
  'declared',
  'acknowledged',
  'escalated',
  'severity',
  'run',
  'step',
  'mitigated',
  'resolved',
  'reopened',
] as const;
export type KeyMomentKind = (typeof keyMomentKinds)[number];

export const KeyMomentSchema = Type.Object({
  seq: Type.Integer({ description: 'the timeline event it comes from' }),
  at: DateTime,
  kind: Type.Enum(keyMomentKinds),
  text: Type.String(),
});
/** One line of the condensed timeline. */
export type KeyMoment = Static<typeof KeyMomentSchema>;

export const MeasuredSchema = nullable(
  Type.Object({ from: DateTime, to: DateTime, seconds: Type.Integer({ minimum: 0 }) }),
);
/** A measured span, or null when its end never happened (never acknowledged, say). */
export type Measured = Static<typeof MeasuredSchema>;

export const IncidentDurationsSchema = Type.Object({
  startedAt: Type.String({
    format: 'date-time',
    description: "the first alert's start, or the detection when earlier or without alert",
  }),
  firstAlertAt: nullable(DateTime),
  detect: MeasuredSchema,
  acknowledge: MeasuredSchema,
  mitigate: MeasuredSchema,
  resolve: MeasuredSchema,
  /** Until mitigated, else resolved: what the RTO is about. */
  restore: MeasuredSchema,
  resolutionTarget: nullable(Type.Object({ minutes: Type.Integer(), met: nullable(Type.Boolean()) })),
  rto: Type.Array(
    Type.Object({
      serviceId: Type.String(),
      name: Type.String(),
      minutes: Type.Integer(),
      met: nullable(Type.Boolean()),
    }),
  ),
});
/** Durations of an incident measured from its start, against the severity's target and the services' RTO. */
export type IncidentDurations = Static<typeof IncidentDurationsSchema>;

export const PostmortemFactsSchema = Type.Object({
  incident: Type.Object({
    id: Type.String(),
    title: Type.String(),
    severity: SeveritySchema,
    services: Type.Array(Type.String()),
    detectedAt: DateTime,
    resolvedAt: nullable(DateTime),
    status: Type.String(),
  }),
  moments: Type.Array(KeyMomentSchema),
  durations: IncidentDurationsSchema,
});
/** What the timeline said when the post-mortem was drafted. */
export type PostmortemFacts = Static<typeof PostmortemFactsSchema>;

export const actionStatuses = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionTerms = ['short', 'medium', 'long'] as const;
export const DueDateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD',
  examples: ['2026-04-30'],
});

export const CorrectiveActionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    postmortemId: Type.String({ format: 'uuid' }),
    incidentId: Type.String(),
    title: Type.String(),
    owner: nullable(Type.Object({ userId: Type.String(), name: Type.String() })),
    dueDate: nullable(Type.String()),
    status: Type.Enum(actionStatuses),
    term: nullable(Type.Enum(actionTerms)),
    doneAt: nullable(DateTime),
    overdue: Type.Boolean({
      description: "not done nor cancelled, and due before today in the post-mortem's time zone",
    }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { title: 'CorrectiveAction' },
);
export type CorrectiveAction = Static<typeof CorrectiveActionSchema>;

export const PostmortemSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    incidentId: Type.String(),
    status: PostmortemStatusSchema,
    title: Type.String(),
    timeZone: Type.String(),
    templateDraftId: nullable(Type.String()),
    sections: Type.Array(PostmortemSectionSchema),
    facts: PostmortemFactsSchema,
    actions: Type.Array(CorrectiveActionSchema),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
    createdBy: Type.String(),
    publishedAt: nullable(DateTime),
    allowedNextStates: Type.Array(PostmortemStatusSchema),
  },
  { title: 'Postmortem' },
);
/** A post-mortem with its corrective actions. */
export type Postmortem = Static<typeof PostmortemSchema>;

export const PostmortemSummarySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    incidentId: Type.String(),
    title: Type.String(),
    status: PostmortemStatusSchema,
    severity: SeveritySchema,
    updatedAt: DateTime,
    publishedAt: nullable(DateTime),
    actions: Type.Object({ total: Type.Integer(), open: Type.Integer(), overdue: Type.Integer() }),
  },
  { title: 'PostmortemSummary' },
);
export type PostmortemSummary = Static<typeof PostmortemSummarySchema>;
