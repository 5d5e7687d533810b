/**
 * Probe conditions: one small readable grammar for every probe kind (`[STATUS] == 200`,
 * `[INFO].used_memory / [INFO].maxmemory < 85%`, `len($.items) > 0`), parsed when a probe is
 * saved and evaluated against each check's observed values.
 */
export {
  ConditionSyntaxError, comparisonOperators, maxConditionLength, maxConditions,
  type ComparisonOperator, type ConditionComparison, type ConditionExpression, type ParsedCondition, type PathSegment,
} from './condition-syntax.js';
export { conditionUnits, durationUnits, parseNumberWord, sizeUnits, type ConditionUnit } from './condition-units.js';
export { parseCondition } from './parse-condition.js';
export { evaluateCondition, type ConditionResult } from './evaluate-condition.js';
export { checkConditions, conditionPlaceholders, type ConditionIssue } from './check-conditions.js';
