import type { ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineRange, Leftover } from '../runbook-model.js';
import { leadingLinkOf } from './bare-urls.js';
import type { OutlineNode } from './build-outline.js';
import { sectionKindOf } from './classify-title.js';
import { sourceOf } from './source-text.js';

/**
 * Every block no runbook or draft covers, with why: nothing read from the file is dropped
 * without saying so in the import report.
 */
export function findLeftovers(text: string, outline: OutlineNode, covered: readonly LineRange[]): Leftover[] {
  const leftovers: Leftover[] = [];
  const isCovered = (start: number, end: number): boolean =>
    covered.some((range) => range.start <= start && end <= range.end);
  const visit = (node: OutlineNode): void => {
    for (const block of node.blocks) {
      if (block.type === 'yaml' || block.type === 'thematicBreak' || block.type === 'html') continue;
      const start = block.position?.start.line ?? 1;
      const end = block.position?.end.line ?? start;
      if (isCovered(start, end)) continue;
      leftovers.push({
        lines: { start, end },
        heading: node.origin === 'root' ? null : node.title,
        reason: reasonFor(node, block),
        excerpt: sourceOf(text, block).replace(/\s+/g, ' ').slice(0, 160),
      });
    }
    if (node.origin === 'label' && node.inlineText !== null && !isCovered(node.lines.start, node.lines.start)) {
      leftovers.push({
        lines: { start: node.lines.start, end: node.lines.start },
        heading: node.title,
        reason: 'labelled text outside any runbook',
        excerpt: node.inlineText.slice(0, 160),
      });
    }
    node.children.forEach(visit);
  };
  visit(outline);
  return leftovers;
}

function reasonFor(node: OutlineNode, block: RootContent): string {
  if (block.type === 'list' && block.children.every((item) => firstLinkOf(item)?.startsWith('#') === true))
    return 'table of contents';
  if (node.origin === 'root' || sectionKindOf(node.title) === 'overview')
    return 'introduction text, kept in the source only';
  if (
    block.type === 'list' &&
    block.children.every((item) => firstLinkOf(item) !== null || /https?:\/\//.test(toString(item)))
  ) {
    return 'list of links, kept in the source only';
  }
  return 'not recognised as a runbook, a step or an incident-process draft';
}

/** The URL of a list item that starts with a link (`1. [Contacts](#contacts)`, a bare address), or null. */
function firstLinkOf(item: ListItem): string | null {
  const paragraph = item.children[0];
  return paragraph?.type === 'paragraph' ? leadingLinkOf(paragraph) : null;
}
