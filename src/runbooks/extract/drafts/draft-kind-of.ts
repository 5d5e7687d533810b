import type { SectionKind } from '../../runbook-model.js';
import { normalizeTitle } from '../normalize-title.js';
import { draftKindNames, draftKindTable, type DraftKind } from './draft-kinds.js';

/**
 * The kind of incident-process draft a title names, or null: the first row of `draftKindTable`
 * whose title words start the normalised title (no accents, no emoji, no numbering).
 */
export function draftKindOf(title: string): DraftKind | null {
  const normalized = normalizeTitle(title);
  return draftKindNames.find((kind) => draftKindTable[kind].title.test(normalized)) ?? null;
}

/** Whether a title names a template (message, checklist, post-mortem): its body is text, not steps. */
export function isTemplateTitle(title: string): boolean {
  const kind = draftKindOf(title);
  return kind !== null && draftKindTable[kind].template;
}

/** The section an incident runbook's heading naming a draft kind becomes; null when it names none. */
export function draftSectionOf(title: string): SectionKind | null {
  const kind = draftKindOf(title);
  return kind === null ? null : draftKindTable[kind].section;
}
