/**
 * What the severity, inhibition and template pages read and send: the server's own types,
 * imported as types only (erased from the bundle), so the pages cannot drift from the API.
 */
export type { SeverityPolicy } from '../../../src/severity/severity-policy.js';
export type { UpdateSeverityPolicyInput } from '../../../src/severity/update-severity-policy.js';
export type { InhibitRule } from '../../../src/alerts/inhibit-rules/inhibit-rule-model.js';
export type {
  InhibitPreview,
  PreviewInhibitRuleInput,
} from '../../../src/alerts/inhibit-rules/preview-inhibit-rule.js';
export type { TemplateEditing } from '../../../src/notifications/templates/get-template.js';
export type { TemplateChoices } from '../../../src/notifications/templates/list-template-choices.js';
export type { TemplatePreview } from '../../../src/notifications/templates/preview-template.js';
export type { TemplateOverride, TemplatePart } from '../../../src/notifications/templates/template-model.js';
