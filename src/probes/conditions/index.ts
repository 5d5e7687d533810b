/**
 * Probe conditions: one small readable grammar for every probe kind (`[STATUS] == 200`,
 * `[INFO].used_memory / [INFO].maxmemory < 85%`, `len($.items) > 0`), parsed when a probe is
 * saved and evaluated against each check's observed values.
 */
export { ConditionSyntaxError, type ParsedCondition } from './condition-syntax.js';
export { parseNumberWord } from './condition-units.js';
export { parseCondition } from './parse-condition.js';
export { evaluateCondition } from './evaluate-condition.js';
export { checkConditions, conditionPlaceholders } from './check-conditions.js';
