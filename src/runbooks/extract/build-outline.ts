import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineRange } from '../runbook-model.js';
import { cleanTitle } from './normalize-title.js';

/**
 * A document as a tree of titled parts. Titles are Markdown headings, or bold labels standing as
 * headings (`**Symptômes**:` alone, or followed by the section's text on the same line), which
 * many runbooks use instead of a deeper heading level.
 */
export interface OutlineNode {
  title: string;
  origin: 'root' | 'heading' | 'label';
  depth: number;
  /** What followed a label on its own paragraph (`**Symptômes** : Erreur 502, …`), as plain text. */
  inlineText: string | null;
  /** The heading or bold-label paragraph that opened this part (null for the root). */
  opener: Heading | Paragraph | null;
  /** Blocks directly under this title, before its first child. */
  blocks: RootContent[];
  children: OutlineNode[];
  parent: OutlineNode | null;
  lines: LineRange;
}

/** Labels never nest and end at the next heading of any depth. */
const labelDepth = 99;

export function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}

export function endLineOf(node: { position?: { end: { line: number } } }): number {
  return node.position?.end.line ?? 1;
}

/**
 * Builds the outline. `isLabel` decides which bold paragraph titles are section labels (known
 * section words), so that metadata such as `**RTO**: 4 h` stays a paragraph.
 */
export function buildOutline(root: Root, isLabel: (title: string) => boolean): OutlineNode {
  const top: OutlineNode = node('', 'root', 0, null, null);
  const stack: OutlineNode[] = [top];
  const current = (): OutlineNode => stack[stack.length - 1]!;
  for (const block of root.children) {
    if (block.type === 'heading') {
      const depth = block.depth;
      while (stack.length > 1 && current().depth >= depth) stack.pop();
      const child = node(cleanTitle(toString(block)), 'heading', depth, current(), block);
      current().children.push(child);
      stack.push(child);
      continue;
    }
    const label = block.type === 'paragraph' ? readLabel(block, isLabel) : null;
    if (label !== null) {
      while (current().origin === 'label') stack.pop();
      const child = node(label.title, 'label', labelDepth, current(), block as Paragraph);
      child.inlineText = label.rest;
      current().children.push(child);
      stack.push(child);
      continue;
    }
    current().blocks.push(block);
  }
  closeLines(top, root.children.length > 0 ? endLineOf(root.children[root.children.length - 1]!) : 1);
  return top;
}

function node(
  title: string,
  origin: OutlineNode['origin'],
  depth: number,
  parent: OutlineNode | null,
  opener: Heading | Paragraph | null,
): OutlineNode {
  const line = opener === null ? 1 : lineOf(opener);
  return {
    title,
    origin,
    depth,
    inlineText: null,
    opener,
    blocks: [],
    children: [],
    parent,
    lines: { start: line, end: line },
  };
}

/** `**Title**`, `**Title**:`, `**Title :**` or `**Title** : rest of the line`. */
function readLabel(
  paragraph: Paragraph,
  isLabel: (title: string) => boolean,
): { title: string; rest: string | null } | null {
  const [first, ...others] = paragraph.children;
  if (first?.type !== 'strong') return null;
  const title = cleanTitle(toString(first));
  if (title === '' || !isLabel(title)) return null;
  const rest = others.map((child: PhrasingContent) => toString(child)).join('');
  const boldEndsWithColon = /:\s*$/.test(toString(first));
  const trimmed = rest.replace(/^\s*:?\s*/, '');
  if (!boldEndsWithColon && rest.trim() !== '' && !/^\s*:/.test(rest)) return null; // bold words opening a sentence
  return { title, rest: trimmed === '' ? null : trimmed };
}

/** Sets each node's end line to the line before the next sibling (or the parent's end). */
function closeLines(outline: OutlineNode, end: number): void {
  outline.lines.end = end;
  outline.children.forEach((child, index) => {
    const next = outline.children[index + 1];
    closeLines(child, next === undefined ? end : Math.max(child.lines.start, next.lines.start - 1));
  });
}

/**
 * The top-level blocks below a part's title, in document order: its own blocks, then each
 * sub-part's title and blocks. The same blocks parsing the part's lines alone would give, without
 * parsing them again.
 */
export function blocksBelowTitle(outline: OutlineNode): RootContent[] {
  const blocks: RootContent[] = [...outline.blocks];
  const visit = (child: OutlineNode): void => {
    if (child.opener !== null) blocks.push(child.opener);
    blocks.push(...child.blocks);
    child.children.forEach(visit);
  };
  outline.children.forEach(visit);
  return blocks;
}
