import { Type } from 'typebox';
import type { Severity } from '../../incidents/incident-model.js';

/**
 * How urgent a page is, as PagerDuty splits them: a high-urgency page wakes people up, a low one
 * may wait for office hours. A notification rule names the urgency it is for, or `any`.
 */
export const urgencies = ['high', 'low'] as const;
export type Urgency = (typeof urgencies)[number];

/** What a rule may be for: one urgency, or both (`any`, also what a rule stored without one means). */
export const ruleUrgencies = [...urgencies, 'any'] as const;
export type RuleUrgency = (typeof ruleUrgencies)[number];

export const UrgencySchema = Type.Enum(urgencies, { description: 'high: P1 and P2 incidents; low: P3 and P4' });
export const RuleUrgencySchema = Type.Enum(ruleUrgencies, {
  description: 'the pages this rule is for: high (P1, P2), low (P3, P4) or any (absent = any)',
});

/**
 * The urgency of a page, from its incident's severity: P1 and P2 are high, P3 and P4 low. The
 * severity is the one place a responder already states how bad it is; neither services nor
 * integrations carry an urgency of their own, and severity policies say when to resolve and how
 * often to post, not how to page — so the mapping is fixed here rather than configured.
 */
export const urgencyOfSeverity = {
  P1: 'high',
  P2: 'high',
  P3: 'low',
  P4: 'low',
} as const satisfies Record<Severity, Urgency>;

/** Whether a rule (stored with or without an urgency) is for a page of this urgency. */
export function ruleIsFor(rule: { urgency?: RuleUrgency }, urgency: Urgency): boolean {
  const wanted = rule.urgency ?? 'any';
  return wanted === 'any' || wanted === urgency;
}
