import { buildOutline } from '../../../../src/runbooks/extract/build-outline.js';
import { sectionKindOf } from '../../../../src/runbooks/extract/classify-title.js';
import { draftKindOf } from '../../../../src/runbooks/extract/drafts/draft-kind-of.js';
import { extractDrafts } from '../../../../src/runbooks/extract/drafts/extract-drafts.js';
import { parseMarkdown } from '../../../../src/runbooks/extract/parse-markdown.js';
import type { Draft, DraftKind } from '../../../../src/runbooks/runbook-model.js';

export { seedsAvailable, seedText } from '../../../support/seeds.js';
import { seedText } from '../../../support/seeds.js';

/** The drafts of a Markdown text, outline built as the importer builds it. */
export function draftsOf(text: string): Draft[] {
  const outline = buildOutline(
    parseMarkdown(text),
    (title) => sectionKindOf(title) !== null || draftKindOf(title) !== null,
  );
  return extractDrafts(outline, text);
}

/** The drafts of a seed. */
export function seedDrafts(number: string): Draft[] {
  return draftsOf(seedText(number));
}

/** The drafts of one kind, with their data typed as the caller expects. */
export function ofKind<T>(drafts: readonly Draft[], kind: DraftKind): (Omit<Draft, 'data'> & { data: T })[] {
  return drafts.filter((draft) => draft.kind === kind) as unknown as (Omit<Draft, 'data'> & { data: T })[];
}

/** The one draft of a kind with this title; fails loudly when it is missing. */
export function draftTitled<T>(
  drafts: readonly Draft[],
  kind: DraftKind,
  title: string,
): Omit<Draft, 'data'> & { data: T } {
  const found = ofKind<T>(drafts, kind).filter((draft) => draft.title === title);
  if (found.length !== 1) {
    const titles = drafts.map((draft) => `${draft.kind}: ${draft.title}`).join('; ');
    throw new Error(`expected one ${kind} draft titled "${title}", found ${found.length} (drafts: ${titles})`);
  }
  return found[0]!;
}

/** Line `n` (1-based) of a text. */
export function lineAt(text: string, n: number): string {
  return text.split('\n')[n - 1] ?? '';
}
