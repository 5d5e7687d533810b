import { Type, type Static } from 'typebox';
import type { FieldIssue } from '../../core/app-error.js';

/** What values one parameter accepts, beyond being given: a pattern the whole value matches, or a list. */
export const ParameterRuleSchema = Type.Object(
  {
    pattern: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'a JavaScript regular expression the whole value must match',
      }),
    ),
    allowed: Type.Optional(
      Type.Array(Type.String({ maxLength: 500 }), {
        minItems: 1,
        maxItems: 100,
        description: 'the only values accepted',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ParameterRule = Static<typeof ParameterRuleSchema>;

/** Rules by parameter name. */
export type ParameterRules = Record<string, ParameterRule>;

/**
 * Rules written in a step's fence attributes, Runme-style:
 * ```` ```bash {"pattern.task_id":"^[0-9a-f-]{36}$","allowed.env":"staging,production"} ````.
 */
export function readAttributeRules(attributes: Readonly<Record<string, string>>): ParameterRules {
  const rules: ParameterRules = {};
  for (const [key, value] of Object.entries(attributes)) {
    const match = /^(pattern|allowed)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(key);
    if (match === null || value === '') continue;
    const rule = (rules[match[2]!] ??= {});
    if (match[1] === 'pattern') rule.pattern = value;
    else
      rule.allowed = value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
  }
  return rules;
}

/** The step's own rules, then the runbook's settings on top (an admin's word is the last). */
export function mergeParameterRules(fromStep: ParameterRules, fromSettings: ParameterRules): ParameterRules {
  const merged: ParameterRules = { ...fromStep };
  for (const [name, rule] of Object.entries(fromSettings)) merged[name] = { ...merged[name], ...rule };
  return merged;
}

/** One issue per rule whose pattern does not compile, at `/parameters/<name>/pattern`. */
export function checkParameterRules(rules: ParameterRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.pattern === undefined) continue;
    try {
      new RegExp(`^(?:${rule.pattern})$`);
    } catch (error) {
      issues.push({
        path: `/parameters/${name}/pattern`,
        message: `is not a regular expression: ${(error as Error).message}`,
      });
    }
  }
  return issues;
}
