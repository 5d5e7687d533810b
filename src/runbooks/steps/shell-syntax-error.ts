import type { Node } from 'web-tree-sitter';
import { ShellSyntaxError } from './shell-parser.js';

/** What closes each construct that can be left open, by its opening token. */
const closers: ReadonlyMap<string, string> = new Map([
  ['if', 'fi'],
  ['case', 'esac'],
  ['while', 'done'],
  ['until', 'done'],
  ['for', 'done'],
  ['select', 'done'],
  ['do', 'done'],
  ['{', '}'],
  ['[[', ']]'],
  ['[', ']'],
  ['(', ')'],
  ['$(', ')'],
  ['<(', ')'],
  ['>(', ')'],
  ['${', '}'],
  ['$((', '))'],
  ['((', '))'],
  ['$[', ']'],
]);
const quotes = new Set(["'", '"', '`']);
const chainOperators = new Set(['&&', '||', '|', '|&']);

/**
 * tree-sitter never throws: it recovers with ERROR and MISSING nodes. The first of them, in reading
 * order, is turned into a one-line reason worded like the shell's own (`reached EOF without closing
 * quote '`), with the line where the unclosed construct starts. Null when the tree is clean.
 */
export function syntaxErrorIn(root: Node, code: string): ShellSyntaxError | null {
  if (!root.hasError) return null;
  const node = firstErrorNode(root) ?? root;
  return node.isMissing ? describeMissing(node) : describeError(node, code.trimEnd().length);
}

/** The outermost ERROR or MISSING node that comes first; `hasError` covers both, so clean subtrees are skipped. */
function firstErrorNode(node: Node): Node | null {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return null;
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    const found = child === null ? null : firstErrorNode(child);
    if (found !== null) return found;
  }
  return null;
}

/** A token the parser had to invent: a closing quote or keyword, or a command after `&&`. */
function describeMissing(node: Node): ShellSyntaxError {
  const type = node.type;
  const parent = node.parent;
  const opener = parent?.firstChild ?? null;
  const openerLine = line(opener ?? node);
  if (quotes.has(type)) return new ShellSyntaxError(openerLine, `reached EOF without closing quote ${type}`);
  if (opener !== null && !opener.isNamed && closers.get(opener.type) === type) {
    return new ShellSyntaxError(openerLine, `reached EOF without matching ${show(opener.type)} with ${show(type)}`);
  }
  const previous = previousToken(node);
  if (previous !== null && chainOperators.has(previous.type)) {
    return new ShellSyntaxError(line(previous), `${previous.type} must be followed by a statement`);
  }
  return new ShellSyntaxError(
    line(node),
    node.isNamed ? `syntax error: expected a ${type.replace(/_/g, ' ')}` : `syntax error: missing ${show(type)}`,
  );
}

/** Code the parser skipped: an unclosed quote, heredoc or block when it runs to the end, else the token it choked on. */
function describeError(node: Node, codeEnd: number): ShellSyntaxError {
  const leaf = firstLeaf(node);
  const token = leaf.text;
  const toEnd = node.endIndex >= codeEnd;
  const quote = /^\$?(['"`])/.exec(token)?.[1];
  if (toEnd && quote !== undefined && (leaf.isError || leaf.parent?.isError === true)) {
    return new ShellSyntaxError(line(leaf), `reached EOF without closing quote ${quote}`);
  }
  if (toEnd && (token === '<<' || token === '<<-')) {
    const delimiter = (leaf.nextSibling?.text ?? '').replace(/['"\\]/g, '');
    return new ShellSyntaxError(line(leaf), `unclosed here-document '${delimiter}'`);
  }
  const closer = closers.get(token);
  if (toEnd && closer !== undefined)
    return new ShellSyntaxError(line(leaf), `reached EOF without matching ${show(token)} with ${show(closer)}`);
  return new ShellSyntaxError(line(leaf), `syntax error near unexpected token ${show(token)}`);
}

/** The token right before a node, wherever it sits in the tree (`ls &&` misses a word inside a command). */
function previousToken(node: Node): Node | null {
  for (let current: Node | null = node; current !== null; current = current.parent) {
    let previous = current.previousSibling;
    if (previous === null) continue;
    for (let child = previous.lastChild; child !== null; child = previous.lastChild) previous = child;
    return previous;
  }
  return null;
}

function firstLeaf(node: Node): Node {
  let leaf = node;
  for (let child = leaf.firstChild; child !== null; child = leaf.firstChild) leaf = child;
  return leaf;
}

function line(node: Node): number {
  return node.startPosition.row + 1;
}

/** Keywords quoted (`"fi"`), operators as they are (`)`); long tokens cut to their first word. */
function show(token: string): string {
  const first = /^\S{1,24}/.exec(token)?.[0] ?? token;
  return /^[a-z]+$/.test(first) ? `"${first}"` : first;
}
