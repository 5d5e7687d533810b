import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineRange } from '../../runbook-model.js';
import { endLineOf, lineOf } from '../build-outline.js';

/** One list item read as `**Label**: rest`, or as plain text when it has no bold label. */
export interface ItemParts {
  label: string | null;
  /** What follows the label (the whole text when there is none). */
  rest: string;
  /** The whole first paragraph as plain text. */
  text: string;
  /** Contents of its inline code spans, which hold expressions as written. */
  codes: string[];
  line: number;
  item: ListItem;
}

/** The lists among some blocks. */
export function listsOf(blocks: readonly RootContent[]): List[] {
  return blocks.filter((block): block is List => block.type === 'list');
}

/** The first paragraph of a list item, where its label and value are. */
export function firstParagraph(item: ListItem): Paragraph | null {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : null;
}

/** Reads a list item's first paragraph as label and rest. */
export function itemParts(item: ListItem): ItemParts {
  const paragraph = firstParagraph(item);
  const children: PhrasingContent[] = paragraph?.children ?? [];
  const text = collapse(children.map((child) => toString(child)).join(''));
  const codes = children.filter((child) => child.type === 'inlineCode').map((child) => child.value);
  const [first, ...others] = children;
  if (first?.type === 'strong') {
    const label = toString(first)
      .replace(/\s*:\s*$/, '')
      .trim();
    const rest = collapse(others.map((child) => toString(child)).join('')).replace(/^[:\-–—]\s*/, '');
    if (label !== '') return { label, rest, text, codes, line: lineOf(item), item };
  }
  return { label: null, rest: text, text, codes, line: lineOf(item), item };
}

/** `Name: value` written without bold; null when the colon belongs to a URL or a sentence. */
export function splitPlainLabel(text: string): { label: string; rest: string } | null {
  const match = /^([^:]{1,40}?)\s*:\s+(.+)$/.exec(text);
  if (match === null || /^(https?|mailto|tel)$/i.test(match[1]!)) return null;
  return { label: match[1]!.trim(), rest: match[2]!.trim() };
}

/** A GFM table as header cells and rows of plain-text cells. */
export interface TableRows {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

/** Reads a table's cells as plain text, each row with its line. */
export function tableRows(table: Table): TableRows {
  const [head, ...body] = table.children;
  const cells = (row: Table['children'][number]): string[] => row.children.map((cell) => collapse(toString(cell)));
  return {
    header: head === undefined ? [] : cells(head),
    rows: body.map((row) => ({ cells: cells(row), line: lineOf(row) })),
  };
}

/** Index of the first header cell a pattern matches (on lowercase text without accents), or -1. */
export function columnIndex(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(plain(cell)));
}

/** Lowercase, accents removed: what keyword patterns are written against. */
export function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The lines some blocks span, or null for none. */
export function rangeOf(blocks: readonly { position?: RootContent['position'] }[]): LineRange | null {
  if (blocks.length === 0) return null;
  return { start: Math.min(...blocks.map(lineOf)), end: Math.max(...blocks.map(endLineOf)) };
}

/** Smallest range covering both (either may be null). */
export function joinRanges(a: LineRange | null, b: LineRange | null): LineRange | null {
  if (a === null) return b;
  if (b === null) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Spaces folded: soft line breaks inside a paragraph read as one line. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
