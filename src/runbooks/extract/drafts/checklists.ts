import type { List, ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Draft } from '../../runbook-model.js';
import { lineOf, type OutlineNode } from '../build-outline.js';
import type { ChecklistData } from './draft-data.js';
import { allNodes, ancestorsOf, cleanLabel, draftTitle, namesMessageTemplate, titleNames } from './draft-titles.js';
import { collapse, firstParagraph, rangeOf } from './md-blocks.js';

/**
 * Checklists: every GFM task list (`- [ ] …`), wherever it is, and plain lists under a checklist
 * title. One draft per list, titled by its heading; a short `Avant :` paragraph right before the
 * list names it when a heading holds several.
 */
export function extractChecklists(outline: OutlineNode): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    // Boxes inside a template belong to the template (a post-mortem's action items).
    if (
      [node, ...ancestorsOf(node)].some(
        (part) => titleNames(part.title, 'postmortem') || namesMessageTemplate(part.title),
      )
    )
      continue;
    const named = titleNames(node.title, 'checklist');
    const lists = node.blocks.flatMap((block, index) =>
      block.type === 'list' && (named || isTaskList(block)) ? [{ list: block, index }] : [],
    );
    for (const { list, index } of lists) {
      const items = itemsOf(list);
      if (items.length === 0) continue;
      const before = node.blocks[index - 1];
      const caption = captionBefore(before);
      const title = caption !== null && lists.length > 1 ? `${draftTitle(node)} › ${caption}` : draftTitle(node);
      const range = rangeOf([list])!;
      // The first list of a checklist title is read from the title on; others from their own line.
      const start =
        named && index === lists[0]!.index
          ? node.lines.start
          : caption !== null && before !== undefined
            ? lineOf(before)
            : range.start;
      drafts.push({
        kind: 'checklist',
        title,
        data: { items } satisfies ChecklistData,
        lines: { start, end: range.end },
      });
    }
  }
  return drafts;
}

/** Most items carry a box: a list with a stray plain item is still a checklist. */
function isTaskList(list: List): boolean {
  const boxes = list.children.filter((item) => typeof item.checked === 'boolean').length;
  return boxes > 0 && boxes * 2 >= list.children.length;
}

/** Items in order, nested task items flattened after their parent. */
function itemsOf(list: List): ChecklistData['items'] {
  return list.children.flatMap((item: ListItem) => {
    const paragraph = firstParagraph(item);
    const text = collapse(paragraph === null ? toString(item) : toString(paragraph));
    const nested = item.children.filter((child): child is List => child.type === 'list').flatMap(itemsOf);
    return [...(text === '' ? [] : [{ text, checked: item.checked === true, line: lineOf(item) }]), ...nested];
  });
}

/** `Avant le déploiement :` — a one-line paragraph ending with a colon. */
function captionBefore(block: RootContent | undefined): string | null {
  if (block?.type !== 'paragraph') return null;
  const text = collapse(toString(block));
  return text.length <= 80 && text.endsWith(':') ? cleanLabel(text) : null;
}
