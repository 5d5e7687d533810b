import type { AlertOperator, AlertUnit } from './draft-data.js';
import { parseMinutes, readNumber } from './parse-duration.js';

/** A comparison read from an alert line: `up{job="postgres"} == 0`, `memory > 85% pendant 5 min`. */
export interface Condition {
  expression: string;
  /** The left operand, or for `>1% 5xx` the words after the threshold; null when there are none. */
  metric: string | null;
  operator: AlertOperator;
  threshold: number | null;
  unit: AlertUnit | null;
  forMinutes: number | null;
}

/** `>` but not the arrow of `->` or `=>`, nor a blockquote's marker followed by a space-less word. */
const operatorPattern = /(?<![-=<>!])(>=|<=|==|!=|≥|≤|>|<)(?![=>])/;
const unitPattern =
  /^\s*(-?\d+(?:[.,]\d+)?)\s*(%|ms|secondes?|seconds?|secs?|s|minutes?|mins?|mn|heures?|hours?|hrs?|h|jours?|days?|j|d|[KMGT]i?B|[KMGT]i|[KMGT]o|bytes|octets|B)?(?![\p{L}\d])/iu;
const forPattern =
  /\b(?:pendant|for|during|durant|pour|sur|over|depuis)\s*:?\s*(?:plus de\s+|more than\s+)?(\d+(?:[.,]\d+)?\s*(?:h|heures?|hours?|hrs?|m|mn|mins?|minutes?|s|sec\w*|j|jours?|d|days?)\b(?:\s*d'affil[ée]e)?)/i;
/** Words that say "alert on" before the condition, dropped from the metric. */
const leadingWords =
  /^(?:(?:alert(?:es|er|e)?|alarm(?:es|e)?|monitor(?:ing)?|surveiller|notifier|page[rz]?)\b)?\s*(?:(?:si|if|when|quand|sur|on|lorsque)\b)?\s*:?\s*/i;

/** Whether a text holds a comparison. */
export function hasComparison(text: string): boolean {
  return operatorPattern.test(text);
}

/**
 * Reads the first comparison in a text, or null. In prose the left operand starts after the last
 * delimiter (`Alert: Si memory > 85%` → `memory`); in code it is everything before the operator,
 * since PromQL labels hold commas (`up{job="api",env="prod"} == 0`).
 */
export function readCondition(text: string, code = false): Condition | null {
  const match = operatorPattern.exec(text);
  if (match === null) return null;
  const operator = normalizeOperator(match[1]!);
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const left = (code ? before : before.slice(leftStartOf(before))).trim().replace(leadingWords, '').trim();
  const value = unitPattern.exec(after);
  const threshold = value === null ? null : readNumber(value[1]!);
  const unit = value?.[2] === undefined ? null : normalizeUnit(value[2]);
  const valueEnd = value === null ? (/^\s*("[^"]*"|'[^']*'|\S+)/.exec(after)?.[0].length ?? 0) : value[0].length;
  const tail = after.slice(valueEnd);
  const forClause = forPattern.exec(tail);
  // `>1% 5xx`: with nothing on the left, the words after the threshold say what is measured.
  const trailing =
    left === ''
      ? (/^\s*([^\s(),;][^(),;]*?)\s*(?=$|[(),;]|\s(?:pendant|for|during|pour|over|depuis)\b|[<>=])/i.exec(tail)?.[1] ??
        null)
      : null;
  let expressionEnd =
    match.index + match[0].length + valueEnd + (trailing === null ? 0 : tail.indexOf(trailing) + trailing.length);
  // `> 50 impayés avec retard > 60 jours`: a second comparison belongs to the same condition.
  const further = text.slice(expressionEnd);
  if (/^\s*(>=|<=|==|!=|≥|≤|>|<)/.test(further)) {
    const forStart = further.search(forPattern);
    expressionEnd += forStart >= 0 ? forStart : further.length;
  }
  const expressionStart = left === '' ? match.index : before.lastIndexOf(left);
  return {
    expression: text.slice(expressionStart, expressionEnd).trim(),
    metric: left !== '' ? left : trailing,
    operator,
    threshold: threshold !== null && Number.isFinite(threshold) ? threshold : null,
    unit,
    forMinutes: forClause === null ? null : parseMinutes(forClause[1]!),
  };
}

/** `for: 5m`, `pendant 10 min` anywhere in a text, in minutes. */
export function forMinutesIn(text: string): number | null {
  const clause = forPattern.exec(text);
  return clause === null ? null : parseMinutes(clause[1]!);
}

const delimiters = [':', '(', ',', ';', '+', '—', ' – '];

function leftStartOf(before: string): number {
  let start = 0;
  for (const delimiter of delimiters) {
    const index = before.lastIndexOf(delimiter);
    if (index >= 0) start = Math.max(start, index + delimiter.length);
  }
  return start;
}

function normalizeOperator(operator: string): AlertOperator {
  if (operator === '≥') return '>=';
  if (operator === '≤') return '<=';
  return operator as AlertOperator;
}

const units: [RegExp, AlertUnit][] = [
  [/^%$/, '%'],
  [/^ms$/i, 'ms'],
  [/^(s|secs?|secondes?|seconds?)$/i, 's'],
  [/^(mn|mins?|minutes?)$/i, 'min'],
  [/^(h|hrs?|heures?|hours?)$/i, 'h'],
  [/^(d|j|jours?|days?)$/i, 'd'],
  [/^(b|bytes|octets)$/i, 'B'],
  [/^k(i?b|i|o)$/i, 'KB'],
  [/^m(i?b|i|o)$/i, 'MB'],
  [/^g(i?b|i|o)$/i, 'GB'],
  [/^t(i?b|i|o)$/i, 'TB'],
];

function normalizeUnit(unit: string): AlertUnit | null {
  return units.find(([pattern]) => pattern.test(unit))?.[1] ?? null;
}
