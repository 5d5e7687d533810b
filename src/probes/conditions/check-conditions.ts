/**
 * Checks a probe's conditions when it is saved: each must parse and use only the placeholders
 * its kind fills (its row's `placeholders` in `probeKinds`), so a typo such as `[STAUTS]` is
 * refused then, rather than failing every check later. Issues carry JSON-pointer paths, as request validation does.
 */
import {
  ConditionSyntaxError,
  maxConditions,
  type ConditionExpression,
  type ParsedCondition,
} from './condition-syntax.js';
import { parseCondition } from './parse-condition.js';

/** One thing wrong with a probe's conditions: where (`/conditions/2`) and what. */
export interface ConditionIssue {
  path: string;
  message: string;
}

/** The placeholder names a condition reads, once each, in order (`$` is `BODY`). */
export function conditionPlaceholders(condition: ParsedCondition): string[] {
  const names = new Set<string>();
  const visit = (node: ConditionExpression): void => {
    if (node.kind === 'placeholder') names.add(node.name);
    else if (node.kind === 'length') visit(node.argument);
    else if (node.kind === 'arithmetic') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(condition.left);
  if (condition.comparison !== null) visit(condition.comparison.right);
  return [...names];
}

/**
 * Parses conditions and checks their placeholders against those allowed. `conditions` holds
 * the valid ones, in order: when `issues` is empty, one per text. Beyond the most conditions
 * allowed, only `/conditions` is reported and the extra ones are not read.
 */
export function checkConditions(
  texts: readonly string[],
  allowedPlaceholders: readonly string[],
): { conditions: ParsedCondition[]; issues: ConditionIssue[] } {
  const conditions: ParsedCondition[] = [];
  const issues: ConditionIssue[] = [];
  if (texts.length > maxConditions) {
    issues.push({
      path: '/conditions',
      message: `a probe has at most ${maxConditions} conditions (this one has ${texts.length})`,
    });
  }
  const allowed = new Set(allowedPlaceholders);
  const known = allowedPlaceholders.map((name) => `[${name}]`).join(', ');
  for (const [index, text] of texts.slice(0, maxConditions).entries()) {
    const path = `/conditions/${index}`;
    // Texts may come straight from a request body: refuse what is not a string instead of throwing.
    if (typeof text !== 'string') {
      issues.push({ path, message: 'a condition is a string' });
      continue;
    }
    let condition: ParsedCondition;
    try {
      condition = parseCondition(text);
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      issues.push({ path, message: error.message });
      continue;
    }
    const unknown = conditionPlaceholders(condition).filter((name) => !allowed.has(name));
    for (const name of unknown)
      issues.push({ path, message: `unknown placeholder [${name}] for this kind; known: ${known}` });
    if (unknown.length === 0) conditions.push(condition);
  }
  return { conditions, issues };
}
