/**
 * What the escalation policy pages read and send: the server's own types, imported as types only
 * (erased from the bundle), so the pages cannot drift from the schemas the API validates with.
 */
export type {
  EscalationLevel,
  EscalationPolicy,
  EscalationPolicyInput,
  EscalationTarget,
} from '../../../src/oncall/escalation/escalation-policy-model.js';
export type { EscalationPreview } from '../../../src/oncall/escalation/preview-escalation-levels.js';
export type { ServiceSummary } from '../../../src/services/service-summary-model.js';
export type { NameDirectory } from '../services/services-types';

/** Written here rather than imported: the editor needs the values at run time, not only the type. */
export const targetTypes = ['schedule', 'team', 'user'] as const;

/** `/admin/escalation-policies/<id>`, or the new policy's page for null. */
export function policyPath(id: string | null): string {
  return id === null ? '/admin/escalation-policies/new' : `/admin/escalation-policies/${encodeURIComponent(id)}`;
}
