import type { Draft } from '../../runbook-model.js';
import type { OutlineNode } from '../build-outline.js';
import { draftKindNames, draftKindTable } from './draft-kinds.js';

/**
 * Finds the parts of the incident process written around the runbooks of one document: severity
 * classes, escalation policies, contacts, alert rules, message and post-mortem templates,
 * checklists. Each kind's reader (`draftKindTable`) scans the whole outline, since drafts hide
 * inside runbooks too. Each draft carries the lines it was read from, so the importer can tell
 * which parts of the file were understood. `outline` is built from `text` (the repaired source)
 * with `buildOutline(parseMarkdown(text), isLabel)`; `text` gives bodies as written.
 * Drafts come in document order (kinds in table order when they start on the same line).
 */
export function extractDrafts(outline: OutlineNode, text: string): Draft[] {
  return draftKindNames
    .flatMap((kind, rank) => draftKindTable[kind].extract(outline, text).map((draft) => ({ draft, rank })))
    .sort((a, b) =>
      a.draft.lines.start !== b.draft.lines.start ? a.draft.lines.start - b.draft.lines.start : a.rank - b.rank,
    )
    .map(({ draft }) => draft);
}
