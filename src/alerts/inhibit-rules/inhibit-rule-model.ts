import { Type, type Static } from 'typebox';
import { LabelMatcherSchema, type LabelMatcher } from '../matching/label-matchers.js';

export const InhibitRuleSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    sourceMatchers: Type.Array(LabelMatcherSchema),
    targetMatchers: Type.Array(LabelMatcherSchema),
    equal: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'InhibitRule' },
);
export type InhibitRule = Static<typeof InhibitRuleSchema>;

export interface InhibitRuleRow {
  [column: string]: unknown;
  id: string;
  name: string;
  source_matchers: LabelMatcher[];
  target_matchers: LabelMatcher[];
  equal_labels: string[];
  created_at: Date;
}

export const inhibitRuleColumns = 'id, name, source_matchers, target_matchers, equal_labels, created_at';

export function toInhibitRule(row: InhibitRuleRow): InhibitRule {
  return {
    id: row.id,
    name: row.name,
    sourceMatchers: row.source_matchers,
    targetMatchers: row.target_matchers,
    equal: row.equal_labels,
    createdAt: row.created_at.toISOString(),
  };
}
