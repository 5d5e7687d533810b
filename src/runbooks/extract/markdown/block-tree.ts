import type { AlignType, Blockquote, List, ListItem, Parent, Root, RootContent, Table, TableRow } from 'mdast';
import type { Token } from 'markdown-it';
import { inlineNodes } from './inline-nodes.js';
import { checkTaskItem } from './task-list-item.js';
import type { Point, SourceLines } from './source-lines.js';

type Container = Root | Blockquote | List | ListItem | Table | TableRow;

interface Frame {
  node: Container;
  /** First line of the container, 0-based. */
  line: number;
  /** Where a first child written on the container's first line starts (past `> ` or the list marker). */
  contentStart: number | null;
  /** How many block quotes it is in: how many `>` markers its lines start with. */
  quotes: number;
  /** A list whose items hold paragraphs apart (markdown-it shows the others' paragraphs hidden). */
  loose: boolean;
}

/** How markdown-it's `fence` info is unescaped (`md.utils.unescapeAll`). */
export type Unescape = (text: string) => string;

/**
 * Builds the mdast block tree from markdown-it's flat token stream, with positions on every
 * block node: lines from the tokens' `map`, columns and offsets found in the text (the
 * extractor slices sources with them). Containers end where their last child ends, leaves at
 * their last non-blank line, trailing whitespace left out, as mdast-util-from-markdown does.
 */
export function blockTree(tokens: readonly Token[], lines: SourceLines, unescape: Unescape): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Frame[] = [{ node: root, line: 0, contentStart: null, quotes: 0, loose: false }];
  const top = (): Frame => stack[stack.length - 1]!;
  const startAt = (line: number): Point => {
    const frame = top();
    const onOpenerLine = frame.contentStart !== null && frame.line === line && frame.node.children.length === 0;
    return lines.pointAt(line, onOpenerLine ? frame.contentStart! : lines.contentStart(line, frame.quotes));
  };
  /** A leaf's place, to the end of its last non-blank line (trailing spaces included, as in micromark). */
  const leafPosition = (map: [number, number] | null): RootContent['position'] => {
    const [first, after] = map ?? [0, 1];
    let last = Math.max(first, after - 1);
    while (last > first && lines.isBlank(last, top().quotes)) last -= 1;
    return { start: startAt(first), end: lines.pointAt(last, lines.endOf(last)) };
  };
  const open = (
    node: Container & RootContent,
    token: Token,
    contentStart: (start: Point) => number | null,
    quotes = top().quotes,
  ): void => {
    const line = token.map?.[0] ?? 0;
    const start = startAt(line);
    node.position = { start, end: start };
    (top().node as Parent).children.push(node);
    stack.push({ node, line, contentStart: contentStart(start), quotes, loose: false });
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    switch (token.type) {
      case 'blockquote_open':
        open({ type: 'blockquote', children: [] }, token, (start) => afterQuoteMarker(lines, start), top().quotes + 1);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        open(
          {
            type: 'list',
            ordered,
            start: ordered ? Number(token.attrGet('start') ?? 1) : null,
            spread: false,
            children: [],
          },
          token,
          (start) => start.offset ?? null,
        );
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [] }, token, (start) =>
          afterListMarker(lines, start),
        );
        break;
      case 'table_open':
        open({ type: 'table', align: [], children: [] }, token, (start) => start.offset ?? null);
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [] }, token, () => null);
        break;
      case 'th_open':
      case 'td_open': {
        const row = top().node as TableRow;
        if (token.type === 'th_open') (stack[stack.length - 2]!.node as Table).align!.push(alignOf(token));
        row.children.push({ type: 'tableCell', children: inlineNodes(tokens[index + 1]) });
        index += 2; // its inline content and its closing token
        break;
      }
      case 'paragraph_open':
        if (token.hidden === false && stack.length > 2) stack[stack.length - 2]!.loose = true;
        add(top(), { type: 'paragraph', children: inlineNodes(tokens[index + 1]), position: leafPosition(token.map) });
        index += 2;
        break;
      case 'heading_open':
        add(top(), {
          type: 'heading',
          depth: Number(token.tag.slice(1)) as 1,
          children: inlineNodes(tokens[index + 1]),
          position: leafPosition(token.map),
        });
        index += 2;
        break;
      case 'fence': {
        const info = unescape(token.info).trim();
        const space = info.search(/\s/);
        const lang = info === '' ? null : space === -1 ? info : info.slice(0, space);
        const meta = space === -1 ? null : info.slice(space).trim() || null;
        add(top(), {
          type: 'code',
          lang,
          meta,
          value: withoutFinalNewline(token.content),
          position: leafPosition(token.map),
        });
        break;
      }
      case 'code_block':
        add(top(), {
          type: 'code',
          lang: null,
          meta: null,
          value: withoutFinalNewline(token.content),
          position: leafPosition(token.map),
        });
        break;
      case 'html_block':
        add(top(), { type: 'html', value: withoutFinalNewline(token.content), position: leafPosition(token.map) });
        break;
      case 'hr':
        add(top(), { type: 'thematicBreak', position: leafPosition(token.map) });
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
      case 'tr_close':
        close(stack.pop()!, lines);
        break;
      default:
        break; // thead/tbody wrappers: mdast has none
    }
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: lines.pointAt(lines.count - 1, lines.text.length) };
  return root;
}

function add(frame: Frame, node: RootContent): void {
  (frame.node as Parent).children.push(node);
}

/** A container ends where its last child does (an empty one at the end of its first line). */
function close(frame: Frame, lines: SourceLines): void {
  const node = frame.node;
  const last = (node as Parent).children[(node as Parent).children.length - 1];
  const lineEnd = lines.pointAt(frame.line, Math.max(lines.trimmedEnd(frame.line), node.position!.start.offset!));
  // A row is its line; its cells are given the row's place (nothing reads a cell's own).
  const end = node.type === 'tableRow' ? lineEnd : (last?.position?.end ?? lineEnd);
  node.position = { start: node.position!.start, end };
  if (node.type === 'tableRow') for (const cell of node.children) cell.position = node.position;
  if (node.type === 'list') node.spread = frame.loose;
  if (node.type === 'listItem') checkTaskItem(node, lines.text);
}

function afterQuoteMarker(lines: SourceLines, start: Point): number {
  const at = start.offset! + 1;
  const next = lines.text.charCodeAt(at);
  return next === 0x20 || next === 0x09 ? at + 1 : at;
}

/** Where an item's content starts on its marker's line (CommonMark: 1–4 spaces, or 1 before indented code). */
function afterListMarker(lines: SourceLines, start: Point): number | null {
  const end = lines.endOf(start.line - 1);
  const marker = /^(?:[-*+]|\d{1,9}[.)])/.exec(lines.text.slice(start.offset, end));
  if (marker === null) return null;
  const after = start.offset! + marker[0].length;
  let spaces = 0;
  while (after + spaces < end && /[ \t]/.test(lines.text[after + spaces]!)) spaces += 1;
  if (after + spaces === end) return null; // nothing after the marker: content starts on a later line
  return spaces >= 5 ? after + 1 : after + spaces;
}

function alignOf(token: Token): AlignType {
  const style = token.attrGet('style') ?? '';
  const match = /text-align:(left|right|center)/.exec(style);
  return match === null ? null : (match[1] as AlignType);
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
