import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { compileMatchers, LabelMatcherSchema, parseMatcher, type LabelMatcher } from '../matching/label-matchers.js';
import { inhibitRuleColumns, toInhibitRule, type InhibitRule, type InhibitRuleRow } from './inhibit-rule-model.js';

export const MatchersInput = Type.Array(
  Type.Union([LabelMatcherSchema, Type.String({ minLength: 3, maxLength: 1100 })]),
  {
    minItems: 1,
    maxItems: 50,
  },
);

export const EqualInput = Type.Array(Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' }), {
  maxItems: 20,
  uniqueItems: true,
});

export const CreateInhibitRuleInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    sourceMatchers: MatchersInput,
    targetMatchers: MatchersInput,
    equal: Type.Optional(EqualInput),
  },
  { additionalProperties: false },
);
export type CreateInhibitRuleInput = Static<typeof CreateInhibitRuleInput>;

const insertRule = `
  INSERT INTO inhibit_rules (name, source_matchers, target_matchers, equal_labels, created_at)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (name) DO NOTHING
  RETURNING ${inhibitRuleColumns}`;

/** The matchers as typed (text or objects), parsed and compiled: a bad one is a 400 naming its line. */
export function readMatchers(matchers: CreateInhibitRuleInput['sourceMatchers'], path: string): LabelMatcher[] {
  const read = matchers.map((matcher, index) =>
    typeof matcher === 'string' ? parseMatcher(matcher, `${path}/${index}`) : matcher,
  );
  compileMatchers(read, path); // refuses a bad regex now, not at the first alert
  return read;
}

/**
 * Adds an inhibition rule (admin), as Alertmanager's `inhibit_rules`: while an alert matching the
 * source matchers fires, alerts matching the target matchers with the same `equal` label values
 * are stored without paging (a `NodeDown` mutes the `ServiceDown` of that node).
 */
export async function createInhibitRule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateInhibitRuleInput;
}): Promise<InhibitRule> {
  requireRole(ctx, 'admin');
  const source = readMatchers(input.sourceMatchers, '/sourceMatchers');
  const target = readMatchers(input.targetMatchers, '/targetMatchers');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<InhibitRuleRow>(insertRule, [
      input.name,
      JSON.stringify(source),
      JSON.stringify(target),
      input.equal ?? [],
      tx.now(),
    ]);
    if (rows[0] === undefined) throw conflict(`an inhibition rule named ${input.name} exists`, { field: '/name' });
    const rule = toInhibitRule(rows[0]);
    await recordAudit(tx, {
      action: 'inhibit_rule.create',
      targetType: 'inhibit_rule',
      targetId: rule.id,
      details: { name: rule.name },
    });
    return rule;
  });
}
