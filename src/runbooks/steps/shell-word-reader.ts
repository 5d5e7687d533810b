import type { Node } from 'web-tree-sitter';
import {
  heredocBody,
  isWrittenFile,
  unquoteWord,
  type ShellFacts,
  type StatementFact,
  type StdinSource,
} from './shell-facts.js';
import { readExpansion, redirectParts, statementTypes } from './shell-tree.js';

/**
 * The leaves of the shell reading: words, expansions, assignments, declarations and redirections, and the facts
 * they go into. The statement walk (read-shell-ast.ts) builds on it; words reach back into it for
 * the commands inside `$( )`.
 */
export abstract class ShellWordReader {
  protected readonly facts: ShellFacts = { statements: [], envRefs: [], assignments: [] };
  /** The top-level statement being read: calls, writes and its end (a heredoc pushes it) go there. */
  protected current: StatementFact = { start: 0, end: 0, calls: [], writes: [] };

  /** `original`: the code as written (words keep their placeholders); the tree was parsed from the masked copy. */
  constructor(protected readonly original: string) {}

  protected abstract statement(node: Node, stdin: StdinSource | null, nested: boolean): void;

  protected text(node: Node): string {
    return this.original.slice(node.startIndex, node.endIndex);
  }

  /** A word as written; its expansions and substitutions are read on the way. */
  protected word(node: Node): string {
    if (node.childCount > 0) this.expansions(node);
    return this.text(node);
  }

  /** Finds parameter expansions and the commands inside `$( )`, backquotes and `<( )` under a node. */
  protected expansions(node: Node): void {
    const type = node.type;
    if (type === 'command_substitution' || type === 'process_substitution') {
      for (const child of node.namedChildren) {
        if (statementTypes.has(child.type)) this.statement(child, null, true);
        else if (child.type.endsWith('_redirect')) this.redirect(child);
      }
      return;
    }
    if (type === 'simple_expansion' || type === 'expansion') {
      const ref = readExpansion(node);
      if (ref !== null) this.facts.envRefs.push(ref);
    }
    for (let index = 0; index < node.childCount; index++) {
      const child = node.child(index);
      if (child !== null && child.childCount > 0) this.expansions(child);
    }
  }

  /** `export A=1 B`, `local -r X=…`, `unset X`: a command whose `NAME=value` words assign (naked names do not). */
  protected declaration(node: Node, stdin: StdinSource | null, nested: boolean): void {
    const assigns: string[] = [];
    const raw = [node.firstChild?.type ?? ''];
    for (const child of node.namedChildren) {
      if (child.type === 'comment') continue;
      if (child.type === 'variable_assignment') assigns.push(this.assign(child));
      else this.expansions(child);
      raw.push(this.text(child));
    }
    this.current.calls.push({ argv: raw.map(unquoteWord), raw, assigns, stdin, nested });
  }

  protected assign(node: Node): string {
    const target = node.childForFieldName('name');
    const name = (target?.type === 'subscript' ? target.childForFieldName('name') : target)?.text ?? '';
    this.facts.assignments.push({ name, offset: node.startIndex });
    const value = node.childForFieldName('value');
    if (value !== null) this.expansions(value);
    return name;
  }

  /** Reads one redirection: where it sends input from, files it writes, and words it swallowed. */
  protected redirect(node: Node): { source: StdinSource | null; extra: Node[] } {
    const { operator, target, extra, nested } = redirectParts(node);
    for (const redirect of nested) this.redirect(redirect);
    const word = target === null ? '' : unquoteWord(this.word(target));
    if (node.type === 'herestring_redirect') return { source: { kind: 'herestring', text: word }, extra };
    if (node.type === 'heredoc_redirect') return { source: this.heredoc(node, word), extra };
    if (operator === '<') return { source: { kind: 'file', text: word }, extra };
    if (/^(?:>|>>|>&|>\||&>|&>>)$/.test(operator) && isWrittenFile(word)) this.current.writes.push(word);
    return { source: null, extra };
  }

  protected heredoc(node: Node, delimiter: string): StdinSource {
    const start = node.namedChildren.find((child) => child.type === 'heredoc_start');
    const body = node.namedChildren.find((child) => child.type === 'heredoc_body');
    const end = node.namedChildren.find((child) => child.type === 'heredoc_end');
    if (end === undefined) return { kind: 'heredoc', text: '' };
    // A quoted delimiter (`<<'EOF'`, `<<\EOF`) turns expansion off in the body.
    if (body !== undefined && start !== undefined && !/['"\\]/.test(start.text)) this.expansions(body);
    // `cat <<EOF > out` is, for a line, over at `out`; the command really ends after the body.
    this.current.end = Math.max(this.current.end, end.endIndex);
    const text = body === undefined ? '' : this.original.slice(body.startIndex, end.endIndex);
    return { kind: 'heredoc', text: heredocBody(text, delimiter) };
  }
}
