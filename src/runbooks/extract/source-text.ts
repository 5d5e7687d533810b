import type { Node } from 'mdast';
import type { LineRange } from '../runbook-model.js';

/** The Markdown source of a node, exactly as written. */
export function sourceOf(text: string, node: Node): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

export function linesOf(node: Node): LineRange {
  return { start: node.position?.start.line ?? 1, end: node.position?.end.line ?? 1 };
}
