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

/**
 * Lines `start`…`end` (1-based, inclusive) of an LF text, joined by LF: what
 * `text.split('\n').slice(start - 1, end).join('\n')` gives, without splitting the whole text
 * (runbooks and drafts ask for their lines one by one, dozens of times per file).
 */
export function sourceLines(text: string, range: LineRange): string {
  const from = offsetOfLine(text, Math.max(1, range.start));
  if (from === -1 || range.end < range.start) return '';
  const to = offsetOfLine(text, range.end + 1, from, Math.max(1, range.start));
  return text.slice(from, to === -1 ? text.length : to - 1);
}

/** Where line `line` starts (searching on from `offset`, which starts line `at`), or -1 past the end. */
function offsetOfLine(text: string, line: number, offset = 0, at = 1): number {
  let position = offset;
  for (let current = at; current < line; current += 1) {
    const newline = text.indexOf('\n', position);
    if (newline === -1) return -1;
    position = newline + 1;
  }
  return position;
}
