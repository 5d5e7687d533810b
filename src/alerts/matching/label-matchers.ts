import { Type, type Static } from 'typebox';
import { validationError, type FieldIssue } from '../../core/app-error.js';
import type { Labels } from '../alert-model.js';
import { translateRe2 } from './translate-re2.js';
import { backtrackingRisk } from '../../core/backtracking-risk.js';

/** Alertmanager's four ways to compare a label: equal, not equal, regex match, regex non-match. */
export const matcherOperators = ['=', '!=', '=~', '!~'] as const;
export type MatcherOperator = (typeof matcherOperators)[number];

/** One label condition of a silence or inhibition rule, as the API takes it and Alertmanager writes it. */
export const LabelMatcherSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    operator: Type.Enum(matcherOperators),
    /** The value, or for `=~` and `!~` an RE2 regex matched against the whole label value. */
    value: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false, title: 'LabelMatcher' },
);
export type LabelMatcher = Static<typeof LabelMatcherSchema>;

/** True when a label set satisfies every matcher it was compiled from. */
export type LabelPredicate = (labels: Labels) => boolean;

/** A label's value; an absent label reads as the empty string, as Alertmanager reads it. */
export function labelValue(labels: Labels, name: string): string {
  // `hasOwn`, not `??`: a label called `constructor` must not read Object.prototype's.
  return Object.hasOwn(labels, name) ? labels[name]! : '';
}

// Unquoted names may hold `.` and `-` because Astreinte label names may (webhook mappings).
const matcherSyntax = /^\s*(?:"((?:[^"\\]|\\.)+)"|([A-Za-z_][A-Za-z0-9_.:-]*))\s*(=~|!~|!=|=)\s*(.*?)\s*$/s;

/**
 * Reads one matcher written as Alertmanager and amtool write them: `alertname="RedisDown"`,
 * `severity=~"critical|warning"`, `job!~"test.*"`, `env=prod`. A regex is checked at once, so a
 * bad one fails here with `path` (the pointer to the string in the caller's input) as its field.
 */
export function parseMatcher(text: string, path = ''): LabelMatcher {
  const match = matcherSyntax.exec(text);
  if (match === null)
    throw validationError(`"${text}" is not a label matcher`, [
      { path, message: 'expected name, one of = != =~ !~, then a value' },
    ]);
  const name = match[1] === undefined ? match[2]! : unescapeValue(match[1], path);
  const matcher: LabelMatcher = { name, operator: match[3] as MatcherOperator, value: readValue(match[4]!, path) };
  const problem = regexProblem(matcher);
  if (problem !== null) throw validationError(`"${text}" has an invalid regex`, [{ path, message: problem }]);
  return matcher;
}

function readValue(raw: string, path: string): string {
  if (!raw.startsWith('"')) {
    if (raw.includes('"'))
      throw validationError('unquoted matcher values cannot hold a double quote', [
        { path, message: 'quote the value' },
      ]);
    return raw;
  }
  if (raw.length < 2 || !raw.endsWith('"') || /(?<!\\)(?:\\\\)*\\"$/.test(raw)) {
    throw validationError('a matcher value lacks its closing double quote', [{ path, message: 'missing closing "' }]);
  }
  return unescapeValue(raw.slice(1, -1), path);
}

/** Alertmanager's unescaping: `\"`, `\\` and `\n`; any other backslash stays, as regexes need it. */
function unescapeValue(raw: string, path: string): string {
  let value = '';
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i]!;
    if (char === '"')
      throw validationError('a matcher value holds an unescaped double quote', [{ path, message: 'escape it as \\"' }]);
    if (char !== '\\' || i === raw.length - 1) {
      value += char;
      continue;
    }
    const next = raw[(i += 1)]!;
    value += next === 'n' ? '\n' : next === '"' || next === '\\' ? next : `\\${next}`;
  }
  return value;
}

/**
 * Compiles matchers once into a predicate for the ingest path. All must match; an absent label
 * is the empty string; a regex must match the whole value (`^(?:re)$`). Every invalid regex is
 * reported, each at `<path>/<index>/value`.
 */
export function compileMatchers(matchers: readonly LabelMatcher[], path = ''): LabelPredicate {
  const issues: FieldIssue[] = [];
  const tests = matchers.map((matcher, index): LabelPredicate => {
    const { name, operator, value } = matcher;
    if (operator === '=') return (labels) => labelValue(labels, name) === value;
    if (operator === '!=') return (labels) => labelValue(labels, name) !== value;
    const regex = anchoredRegex(value);
    if (typeof regex === 'string') {
      issues.push({ path: `${path}/${index}/value`, message: regex });
      return () => false;
    }
    return operator === '=~'
      ? (labels) => regex.test(labelValue(labels, name))
      : (labels) => !regex.test(labelValue(labels, name));
  });
  if (issues.length > 0) throw validationError('invalid regex in label matchers', issues);
  if (tests.length === 1) return tests[0]!;
  return (labels) => {
    for (const test of tests) if (!test(labels)) return false;
    return true;
  };
}

/** Why a matcher's regex is refused, or null when it is fine (or no regex). */
export function regexProblem(matcher: LabelMatcher): string | null {
  if (matcher.operator === '=' || matcher.operator === '!=') return null;
  const regex = anchoredRegex(matcher.value);
  return typeof regex === 'string' ? regex : null;
}

// Many silences and rules repeat the same few regexes; a RegExp without `g` keeps no state, so one can be shared.
const regexCache = new Map<string, RegExp | string>();
const regexCacheLimit = 10_000;

/** The regex as Alertmanager anchors it, or why it cannot be compiled. */
function anchoredRegex(pattern: string): RegExp | string {
  const cached = regexCache.get(pattern);
  if (cached !== undefined) return cached;
  if (regexCache.size >= regexCacheLimit) regexCache.clear();
  const translated = translateRe2(pattern);
  let result: RegExp | string;
  if (!translated.ok) {
    result = translated.reason;
  } else {
    // With `m`, JavaScript's `^` and `$` would anchor lines; RE2 keeps the flag inside the group.
    const [open, close] = translated.flags.includes('m') ? ['(?<![\\s\\S])', '(?![\\s\\S])'] : ['^', '$'];
    try {
      result = new RegExp(`${open}(?:${translated.source})${close}`, `u${translated.flags}`);
      // Checked once it compiles: the checker calls any pattern it cannot read unsafe.
      result = backtrackingRisk(translated.source) ?? result;
    } catch (error) {
      // V8 writes `Invalid regular expression: /^(?:…)$/u: Unterminated group`; the wrapper is ours, the reason theirs.
      result = error instanceof Error ? (error.message.split(': ').at(-1) ?? error.message) : String(error);
    }
  }
  regexCache.set(pattern, result);
  return result;
}

const compiled = new WeakMap<readonly LabelMatcher[], LabelPredicate>();

/**
 * `compileMatchers`, remembered per matchers array: silences and inhibition rules are loaded
 * once and checked against every alert, so their regexes are compiled the first time only.
 */
export function cachedMatchers(matchers: readonly LabelMatcher[], path = ''): LabelPredicate {
  let predicate = compiled.get(matchers);
  if (predicate === undefined) {
    predicate = compileMatchers(matchers, path);
    compiled.set(matchers, predicate);
  }
  return predicate;
}
