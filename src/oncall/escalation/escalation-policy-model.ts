import { Type, type Static } from 'typebox';
import { slugIdSchema } from '../../core/slug-id.js';

export const escalationTargetTypes = ['user', 'schedule', 'team'] as const;

export const EscalationTargetSchema = Type.Object(
  { type: Type.Enum(escalationTargetTypes), id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false, title: 'EscalationTarget' },
);
export type EscalationTarget = Static<typeof EscalationTargetSchema>;

export const EscalationLevelSchema = Type.Object(
  {
    delayMinutes: Type.Integer({
      minimum: 0,
      maximum: 10_080,
      description: 'minutes after the previous level was paged (level 1: after the incident opened)',
    }),
    targets: Type.Array(EscalationTargetSchema, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false, title: 'EscalationLevel' },
);
export type EscalationLevel = Static<typeof EscalationLevelSchema>;

export const PolicyIdSchema = slugIdSchema('dispatch-default');

export const EscalationPolicyInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    levels: Type.Array(EscalationLevelSchema, { minItems: 1, maxItems: 10 }),
    repeat: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10,
        description: 'how many times the whole policy runs again when nobody acknowledges (default 0)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EscalationPolicyInput = Static<typeof EscalationPolicyInput>;

export const EscalationPolicySchema = Type.Object(
  {
    id: PolicyIdSchema,
    name: Type.String(),
    levels: Type.Array(EscalationLevelSchema),
    repeat: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'EscalationPolicy' },
);
export type EscalationPolicy = Static<typeof EscalationPolicySchema>;

export interface EscalationPolicyRow {
  [column: string]: unknown;
  id: string;
  name: string;
  levels: EscalationLevel[];
  repeat_count: number;
  created_at: Date;
  updated_at: Date;
}

export const policyColumns = 'id, name, levels, repeat_count, created_at, updated_at';

export function toEscalationPolicy(row: EscalationPolicyRow): EscalationPolicy {
  return {
    id: row.id,
    name: row.name,
    levels: row.levels,
    repeat: row.repeat_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
