import type { Node } from 'web-tree-sitter';
import type { EnvRef } from './shell-facts.js';
import { ShellSyntaxError } from './shell-parser.js';

/**
 * Shapes of tree-sitter-bash 0.25 syntax trees that the shell reading relies on, kept apart from
 * the walk itself: which nodes are statements, how a command, a redirection, a `[ … ]` test and a
 * `${…}` expansion break down into parts.
 */

/** Node types that are statements (the `_statement` supertype of the grammar). */
export const statementTypes: ReadonlySet<string> = new Set([
  'command',
  'redirected_statement',
  'pipeline',
  'list',
  'subshell',
  'compound_statement',
  'negated_command',
  'test_command',
  'declaration_command',
  'unset_command',
  'variable_assignment',
  'variable_assignments',
  'function_definition',
  'if_statement',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
  'case_statement',
]);

/** The parts of a `command` node, in source order. */
export interface CallParts {
  name: Node | null;
  assignments: Node[];
  /** The command name and its arguments. */
  words: Node[];
  redirects: Node[];
}

/** Splits a `command` node into its assignments, words and redirections (comments dropped). */
export function callWords(command: Node): CallParts {
  const parts: CallParts = { name: null, assignments: [], words: [], redirects: [] };
  for (const child of command.children) {
    if (child.type === 'variable_assignment') parts.assignments.push(child);
    else if (child.type.endsWith('_redirect')) parts.redirects.push(child);
    else if (child.type !== 'comment') {
      if (child.type === 'command_name') parts.name = child;
      parts.words.push(child);
    }
  }
  return parts;
}

/** Bash's `time [-p]` and `coproc` keywords run the command after them: how many words they take. */
export function leadingKeywords(words: readonly Node[], code: string): number {
  const text = (index: number): string => {
    const word = words[index];
    return word === undefined ? '' : code.slice(word.startIndex, word.endIndex);
  };
  if (words[0]?.type !== 'command_name') return 0;
  if (text(0) === 'coproc') return 1;
  return text(0) === 'time' ? (text(1) === '-p' ? 2 : 1) : 0;
}

/** The commands of a pipeline; the grammar nests the rest of `<<EOF | a | b` as a pipeline in a pipeline. */
export function pipelineParts(pipeline: Node): Node[] {
  return pipeline.namedChildren.flatMap((child) =>
    child.type === 'pipeline' ? pipelineParts(child) : child.type === 'comment' ? [] : [child],
  );
}

/**
 * `NAME=value` words up to the first whose name the shell would not take (`éè=1`): tree-sitter
 * accepts any letter, bash only ASCII, and runs `éè=1` as a command.
 */
export function splitAssignments(nodes: readonly Node[]): { assignments: Node[]; words: Node[] } {
  const invalid = nodes.findIndex(
    (node) => !/^[A-Za-z_]\w*$/.test(node.childForFieldName('name')?.text.replace(/\[.*$/s, '') ?? ''),
  );
  return invalid === -1
    ? { assignments: [...nodes], words: [] }
    : { assignments: nodes.slice(0, invalid), words: nodes.slice(invalid) };
}

/** The parts of a redirection. `extra`: words tree-sitter hangs on it that are really the command's arguments. */
export interface RedirectParts {
  operator: string;
  target: Node | null;
  extra: Node[];
  /** Redirections written after a heredoc's `<<EOF` on the same line. */
  nested: Node[];
}

/** Reads a file, here-string or heredoc redirection into its operator, target and extra words. */
export function redirectParts(node: Node): RedirectParts {
  if (node.type === 'heredoc_redirect') {
    const target = node.namedChildren.find((child) => child.type === 'heredoc_start') ?? null;
    return {
      operator: node.firstChild?.type ?? '<<',
      target,
      extra: node.childrenForFieldName('argument'),
      nested: node.childrenForFieldName('redirect'),
    };
  }
  const operator = node.children.find((child) => !child.isNamed)?.type ?? '';
  // `grep x > out.txt file.txt`: the grammar reads `out.txt file.txt` as the destination.
  const words =
    node.type === 'file_redirect'
      ? node.childrenForFieldName('destination')
      : node.namedChildren.filter((child) => child.type !== 'file_descriptor' && child.type !== 'comment');
  return { operator, target: words[0] ?? null, extra: words.slice(1), nested: [] };
}

/** The words of `[ … ]` between the brackets: the grammar parses them as an expression; the shell splits them. */
export function testWords(test: Node): Node[] {
  const flatten = (node: Node): Node[] =>
    /^(?:binary|unary|parenthesized|postfix|ternary)_expression$/.test(node.type)
      ? node.children.flatMap(flatten)
      : [node];
  return test.children
    .slice(1, -1)
    .filter((child) => child.type !== 'comment')
    .flatMap(flatten);
}

// Operators right after the name that compute something from the value: slices and replacements.
const computingOperators = new Set([':', '/', '//', '/#', '/%']);

/**
 * The variable a `$X` / `${X…}` expansion reads as a plain value, null when it computes something
 * from it instead (`${#X}`, `${!X}`, `${a[0]}`, `${X/a/b}`, `${X:1:2}`). `${X:-default}` counts.
 */
export function readExpansion(node: Node): EnvRef | null {
  let name: string | null = null;
  for (const child of node.children) {
    if (name === null) {
      if (child.type === 'variable_name' || child.type === 'special_variable_name') name = child.text;
      else if (child.type === 'subscript' || child.type === '#' || child.type === '!') return null;
    } else if (!child.isNamed) {
      if (computingOperators.has(child.type)) return null;
      break;
    }
  }
  return name === null || name === '' ? null : { name, start: node.startIndex, end: node.endIndex };
}

// Reserved words tree-sitter accepts as command names where the shell refuses them.
const misplacedKeywords: ReadonlyMap<string, string> = new Map([
  ['then', 'can only be used in an if'],
  ['elif', 'can only be used in an if'],
  ['else', 'can only be used in an if'],
  ['fi', 'can only be used to end an if'],
  ['do', 'can only be used in a loop'],
  ['done', 'can only be used to end a loop'],
  ['esac', 'can only be used to end a case'],
  ['}', 'can only be used to close a block'],
]);

/** A keyword where a command name should be (`fi` with no `if`), as the shell would report it. */
export function misplacedWord(first: Node | null, code: string): ShellSyntaxError | null {
  if (first?.type !== 'command_name') return null;
  const word = code.slice(first.startIndex, first.endIndex);
  const reason = misplacedKeywords.get(word);
  return reason === undefined ? null : new ShellSyntaxError(first.startPosition.row + 1, `"${word}" ${reason}`);
}
