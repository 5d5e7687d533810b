/**
 * What the execution settings page derives from the runbook and its settings: the parameters its
 * steps use, a value tried against a rule, a rule as the form edits it. Shapes are the server's,
 * imported as types only; no import of the console's runtime, so the server's tests can load it.
 */
import type { ExecutionSettings } from '../../../src/execution/update-execution-settings.js';
import type { ParameterRule } from '../../../src/execution/parameters/parameter-rules.js';
import type { RunbookDetail } from './runbook-types.js';

export type { ExecutionSettings, ParameterRule };

/** One parameter as the page lists it: where the steps use it, and whether a rule is still wanted for it. */
export interface RunbookParameter {
  name: string;
  secret: boolean;
  /** The placeholders as written (`<task_id>`, `$TOKEN`), once each. */
  tokens: string[];
  /** Ids of the steps that use it; empty for a rule left from an older version of the runbook. */
  steps: string[];
  /** Rules steps give it in their fence attributes, which the settings' rule overrides field by field. */
  stepRules: { step: string; rule: ParameterRule }[];
}

/**
 * The parameters of the shown version's steps, in the order they first appear, then those the
 * settings still hold rules for: saving replaces all the rules, so a rule the page did not show
 * would be dropped without anyone choosing to.
 */
export function runbookParameters(detail: RunbookDetail, rules: Readonly<Record<string, ParameterRule>>) {
  const byName = new Map<string, RunbookParameter>();
  for (const section of detail.structure.sections) {
    for (const step of section.steps) {
      for (const parameter of step.parameters) {
        const entry = byName.get(parameter.name) ?? unusedParameter(parameter.name);
        entry.secret ||= parameter.secret;
        if (!entry.tokens.includes(parameter.token)) entry.tokens.push(parameter.token);
        if (entry.steps.includes(step.id)) continue;
        entry.steps.push(step.id);
        const own = attributeRule(step.attributes, parameter.name);
        if (own !== undefined) entry.stepRules.push({ step: step.id, rule: own });
        byName.set(parameter.name, entry);
      }
    }
  }
  for (const name of Object.keys(rules)) {
    if (!byName.has(name)) byName.set(name, unusedParameter(name));
  }
  return [...byName.values()];
}

const unusedParameter = (name: string): RunbookParameter => ({
  name,
  secret: false,
  tokens: [],
  steps: [],
  stepRules: [],
});

/** A step's own rule for a parameter, from its fence attributes (`"pattern.env"`, `"allowed.env":"a, b"`), as the server reads them. */
function attributeRule(attributes: Readonly<Record<string, string>>, name: string): ParameterRule | undefined {
  const pattern = attributes[`pattern.${name}`] ?? '';
  const allowed = attributes[`allowed.${name}`] ?? '';
  const values = allowed.split(',').map((value) => value.trim());
  const rule: ParameterRule = {
    ...(pattern === '' ? {} : { pattern }),
    ...(allowed === '' ? {} : { allowed: values.filter((value) => value !== '') }),
  };
  return Object.keys(rule).length === 0 ? undefined : rule;
}

/** How many of the runbook's steps are destructive: what self-approval is about. */
export function destructiveStepCount(detail: RunbookDetail): number {
  return detail.structure.sections.flatMap((section) => section.steps).filter((step) => step.risk === 'destructive')
    .length;
}

/** What a tried value meets: accepted, refused by the list or the pattern, or a pattern that does not compile. */
export type TryOutcome = 'empty' | 'accepted' | 'not-allowed' | 'no-match' | 'bad-pattern';

/**
 * A value against one rule, as the server checks it before running a step (allowed values first,
 * then the pattern, anchored to the whole value and compiled without flags): the server's patterns
 * are JavaScript regular expressions, so the browser's engine gives the server's answer.
 */
export function tryValue(rule: ParameterRule, value: string): TryOutcome {
  if (value === '') return 'empty';
  if (rule.allowed !== undefined && !rule.allowed.includes(value)) return 'not-allowed';
  if (rule.pattern === undefined) return 'accepted';
  const compiled = compilePattern(rule.pattern);
  if (compiled === null) return 'bad-pattern';
  return compiled.test(value) ? 'accepted' : 'no-match';
}

/**
 * A value for a parameter as the runs of its steps would meet it: each step checks the settings'
 * rule laid over its own (the server's `mergeParameterRules`), and the first refusal is the answer.
 */
export function tryParameter(parameter: RunbookParameter, rule: ParameterRule, value: string): TryOutcome {
  const outcomes = [rule, ...parameter.stepRules.map(({ rule: own }) => ({ ...own, ...rule }))].map((merged) =>
    tryValue(merged, value),
  );
  return outcomes.find((outcome) => outcome !== 'accepted') ?? 'accepted';
}

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/** What a rule checks: nothing (any value), a pattern, a list of values, or both. */
export const ruleKinds = ['any', 'pattern', 'allowed', 'both'] as const;
export type RuleKind = (typeof ruleKinds)[number];

/** The rule of a parameter as the form edits it: its kind, the pattern, and the allowed values one a line. */
export interface RuleDraft {
  kind: RuleKind;
  pattern: string;
  allowed: string;
}

export function draftOf(rule: ParameterRule | undefined): RuleDraft {
  const pattern = rule?.pattern ?? '';
  const allowed = rule?.allowed ?? [];
  const kinds = { pattern: pattern !== '', allowed: allowed.length > 0 };
  const kind = kinds.pattern ? (kinds.allowed ? 'both' : 'pattern') : kinds.allowed ? 'allowed' : 'any';
  return { kind, pattern, allowed: allowed.join('\n') };
}

/** The rule a draft says, or undefined when it checks nothing (any value goes); fields its kind leaves out are not sent. */
export function ruleOf(draft: RuleDraft): ParameterRule | undefined {
  const allowed = draft.allowed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const withPattern = draft.kind === 'pattern' || draft.kind === 'both';
  const withAllowed = draft.kind === 'allowed' || draft.kind === 'both';
  const rule: ParameterRule = {
    // An empty pattern is sent as it is: the server names the field, rather than the page dropping it unseen.
    ...(withPattern ? { pattern: draft.pattern } : {}),
    ...(withAllowed ? { allowed } : {}),
  };
  return Object.keys(rule).length === 0 ? undefined : rule;
}
