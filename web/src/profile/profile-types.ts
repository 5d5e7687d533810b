/**
 * What the profile pages read and send: the server's own types, imported as types only (erased
 * from the bundle), so the pages cannot drift from the schemas the API validates with.
 */
export type { User } from '../../../src/users/user-model.js';
export type { PersonRules } from '../../../src/oncall/people/get-notification-rules.js';
export type { NotificationRule, NotificationRulesInput } from '../../../src/oncall/people/set-notification-rules.js';
export type { TestPage } from '../../../src/oncall/people/send-test-page.js';
import type { RuleUrgency, Urgency } from '../../../src/oncall/people/urgency.js';
export type { RuleUrgency, Urgency };

/** Written here rather than imported: the language select needs the values at run time. */
export const notificationLocales = ['en', 'fr'] as const;

/**
 * The urgencies in the order the editor offers them, as records keyed by the server's unions (a
 * missing or extra one does not compile); a rule saved without one is for any page.
 */
const ruleUrgencyOrder: Record<RuleUrgency, number> = { any: 0, high: 1, low: 2 };
const urgencyOrder: Record<Urgency, number> = { high: 0, low: 1 };
export const ruleUrgencies = Object.keys(ruleUrgencyOrder) as RuleUrgency[];
export const urgencies = Object.keys(urgencyOrder) as Urgency[];

/** Whether a rule sends for a page of this urgency, as the server's `ruleIsFor` decides. */
export const ruleIsFor = (rule: { urgency?: RuleUrgency }, urgency: Urgency) =>
  (rule.urgency ?? 'any') === 'any' || rule.urgency === urgency;
