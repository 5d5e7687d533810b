/**
 * Evaluates a parsed condition against what a check observed. It never throws: a condition
 * that cannot be decided (an absent or non-numeric value where a number is needed, a division
 * by zero) fails, and its detail says why, as the on-call engineer reads it:
 * `[STATUS] (503) == 200`, `[BODY].database (absent) == connected`,
 * `[CONNECTIONS] / [MAX_CONNECTIONS] (not computed) < 0.8: division by zero ([MAX_CONNECTIONS] is 0)`.
 */
import type { ObservedValues } from '../probe-model.js';
import type { ConditionComparison, ConditionExpression, ParsedCondition } from './condition-syntax.js';
import {
  containsValue,
  formatNumber,
  formatValue,
  isAbsent,
  patternSubject,
  resolvePlaceholder,
  textOf,
  toNumber,
  valuesEqual,
} from './condition-values.js';

/** Whether a condition held, and a one-line account of it. */
export interface ConditionResult {
  passed: boolean;
  detail: string;
}

/** A side's value, or why it could not be computed. */
type Outcome = { ok: true; value: unknown; note?: string } | { ok: false; reason: string };

/** Evaluates a condition; never throws. */
export function evaluateCondition(condition: ParsedCondition, values: ObservedValues): ConditionResult {
  try {
    return evaluateParsed(condition, values);
  } catch (error) {
    // Nothing above should throw; a getter in observed values might. A probe run must go on.
    return {
      passed: false,
      detail: `${condition.text}: evaluation failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function evaluateParsed(condition: ParsedCondition, values: ObservedValues): ConditionResult {
  const { left, comparison } = condition;
  const leftOutcome = evaluateExpression(condition.text, left, values);
  const leftText = describeSide(condition.text, left, leftOutcome);
  if (comparison === null) {
    if (!leftOutcome.ok) return { passed: false, detail: `${leftText}: ${leftOutcome.reason}` };
    const passed = leftOutcome.value === true;
    const why =
      typeof leftOutcome.value === 'boolean'
        ? ''
        : ': a condition without an operator holds only when its value is true';
    return { passed, detail: leftText + why };
  }
  const rightOutcome = evaluateExpression(condition.text, comparison.right, values);
  const detail = `${leftText} ${comparison.operator} ${describeSide(condition.text, comparison.right, rightOutcome)}`;
  if (!leftOutcome.ok || !rightOutcome.ok) {
    const reasons = [leftOutcome, rightOutcome].flatMap((outcome) => (outcome.ok ? [] : [outcome.reason]));
    return { passed: false, detail: `${detail}: ${reasons.join('; ')}` };
  }
  const decision = compareValues(condition.text, comparison, leftOutcome.value, rightOutcome.value);
  return { passed: decision.passed, detail: decision.reason === undefined ? detail : `${detail}: ${decision.reason}` };
}

function compareValues(
  text: string,
  comparison: ConditionComparison,
  left: unknown,
  right: unknown,
): { passed: boolean; reason?: string } {
  switch (comparison.operator) {
    case '==':
      return { passed: valuesEqual(left, right) };
    case '!=':
      return { passed: !valuesEqual(left, right) };
    case 'contains':
    case '!contains': {
      // A number literal is looked for as written: `[BODY] contains 1.50` looks for "1.50".
      const { right: side } = comparison;
      const needle =
        side.kind === 'literal' && typeof side.value === 'number' ? text.slice(side.start, side.end) : textOf(right);
      const found = containsValue(left, right, needle);
      return { passed: comparison.operator === 'contains' ? found : !found };
    }
    case '=~':
    case '!~': {
      const subject = patternSubject(left);
      const matched = subject !== null && comparison.pattern.test(subject);
      return { passed: comparison.operator === '=~' ? matched : !matched };
    }
    default: {
      const [a, b] = [toNumber(left), toNumber(right)];
      if (a === null || b === null) {
        const [side, value] = a === null ? ['left', left] : ['right', right];
        return {
          passed: false,
          reason: `the ${side} side is ${isAbsent(value) ? (value === null ? 'null' : 'absent') : 'not a number'}`,
        };
      }
      const passed = { '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b }[comparison.operator];
      return { passed };
    }
  }
}

function evaluateExpression(text: string, node: ConditionExpression, values: ObservedValues): Outcome {
  switch (node.kind) {
    case 'literal':
      return { ok: true, value: node.value };
    case 'placeholder':
      return { ok: true, ...resolvePlaceholder(values, node.name, node.path) };
    case 'length': {
      const argument = evaluateExpression(text, node.argument, values);
      if (!argument.ok) return argument;
      const { value } = argument;
      if (typeof value === 'string') return { ok: true, value: countCodePoints(value) };
      if (Array.isArray(value)) return { ok: true, value: value.length };
      if (typeof value === 'object' && value !== null) return { ok: true, value: Object.keys(value).length };
      const what = value === undefined ? 'absent' : `${formatValue(value)}, not a string, an array or an object`;
      return { ok: false, reason: `len() of ${sliceOf(text, node.argument)}: it is ${what}` };
    }
    case 'arithmetic': {
      const numbers: number[] = [];
      for (const side of [node.left, node.right]) {
        const outcome = evaluateExpression(text, side, values);
        if (!outcome.ok) return outcome;
        const number = toNumber(outcome.value);
        if (number === null) {
          const what = outcome.value === undefined ? 'absent' : `not a number (${formatValue(outcome.value)})`;
          return { ok: false, reason: `${sliceOf(text, side)} is ${what}` };
        }
        numbers.push(number);
      }
      const [a, b] = numbers as [number, number];
      if (node.operator === '/' && b === 0)
        return { ok: false, reason: `division by zero (${sliceOf(text, node.right)} is 0)` };
      const value = { '+': a + b, '-': a - b, '*': a * b, '/': a / b }[node.operator];
      return Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, reason: `${sliceOf(text, node)} is too large` };
    }
  }
}

/** A side as written, with its value in parentheses unless it is a literal that says it all. */
function describeSide(text: string, node: ConditionExpression, outcome: Outcome): string {
  const written = sliceOf(text, node);
  if (!outcome.ok) return `${written} (not computed)`;
  if (node.kind === 'literal') {
    // `48h` shows its milliseconds, to compare with the placeholder's value beside it.
    return typeof node.value === 'number' && written !== formatNumber(node.value)
      ? `${written} (${formatNumber(node.value)})`
      : written;
  }
  return `${written} (${formatValue(outcome.value, outcome.note)})`;
}

function sliceOf(text: string, node: ConditionExpression): string {
  return text.slice(node.start, node.end);
}

/** Characters as people count them: `é` and `😀` are one each. */
function countCodePoints(value: string): number {
  return [...value].length;
}
