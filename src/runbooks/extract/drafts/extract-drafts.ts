import type { Draft, DraftKind } from '../../runbook-model.js';
import type { OutlineNode } from '../build-outline.js';
import { extractAlertRules } from './alert-rules.js';
import { extractChecklists } from './checklists.js';
import { extractCommunicationTemplates } from './communication-templates.js';
import { extractContacts } from './contacts.js';
import { extractEscalationPolicies } from './escalation-policy.js';
import { extractPostmortemTemplates } from './postmortem-templates.js';
import { extractSeverityClasses } from './severity-classes.js';

/** One reader per draft kind; each scans the whole outline, since drafts hide inside runbooks too. */
const extractors: Record<DraftKind, (outline: OutlineNode, text: string) => Draft[]> = {
  'severity-classes': extractSeverityClasses,
  'escalation-policy': extractEscalationPolicies,
  contacts: extractContacts,
  'alert-rules': extractAlertRules,
  'communication-template': extractCommunicationTemplates,
  checklist: extractChecklists,
  'postmortem-template': extractPostmortemTemplates,
};

/**
 * Finds the parts of the incident process written around the runbooks of one document: severity
 * classes, escalation policies, contacts, alert rules, message and post-mortem templates,
 * checklists. Each draft carries the lines it was read from, so the importer can tell which parts
 * of the file were understood. `outline` is built from `text` (the repaired source) with
 * `buildOutline(parseMarkdown(text), isLabel)`; `text` gives bodies as written.
 * Drafts come in document order (kinds in the order above when they start on the same line).
 */
export function extractDrafts(outline: OutlineNode, text: string): Draft[] {
  const kinds = Object.keys(extractors) as DraftKind[];
  return kinds
    .flatMap((kind, rank) => extractors[kind](outline, text).map((draft) => ({ draft, rank })))
    .sort((a, b) =>
      a.draft.lines.start !== b.draft.lines.start ? a.draft.lines.start - b.draft.lines.start : a.rank - b.rank,
    )
    .map(({ draft }) => draft);
}
