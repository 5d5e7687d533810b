import type { Node } from 'web-tree-sitter';
import { unquoteWord, type ShellFacts, type StdinSource } from './shell-facts.js';
import { ShellSyntaxError, type ShellParser } from './shell-parser.js';
import { syntaxErrorIn } from './shell-syntax-error.js';
import {
  callWords,
  leadingKeywords,
  misplacedWord,
  pipelineParts,
  splitAssignments,
  statementTypes,
  testWords,
} from './shell-tree.js';
import { ShellWordReader } from './shell-word-reader.js';

/**
 * Parses shell code with tree-sitter's Bash grammar and reads what classification needs. `masked`
 * is what the parser sees (placeholders replaced by same-length words); words are sliced from
 * `original`, so they keep the placeholders as written. Offsets are UTF-16 (web-tree-sitter parses
 * JS strings as UTF-16), the same as string indexes. Throws a ShellSyntaxError on invalid shell.
 */
export function readShellAst(shell: ShellParser, masked: string, original: string): ShellFacts {
  const tree = shell.parser.parse(masked);
  if (tree === null) throw new Error('the shell parser returned no tree');
  try {
    const error = syntaxErrorIn(tree.rootNode, masked);
    if (error !== null) throw error;
    return new TreeReader(original).read(tree.rootNode);
  } finally {
    // The tree lives in wasm memory: the garbage collector does not free it.
    tree.delete();
  }
}

/** Walks the tree once; statements, words and expansions go into the facts as they are met. */
class TreeReader extends ShellWordReader {
  read(program: Node): ShellFacts {
    for (const child of program.children) {
      if (!child.isNamed || child.type === 'comment') {
        this.separator(child);
        continue;
      }
      this.current = { start: child.startIndex, end: child.endIndex, calls: [], writes: [] };
      this.statement(child, null, false);
      this.facts.statements.push(this.current);
    }
    return this.facts;
  }

  /** tree-sitter takes `;;` for a separator anywhere; the shell only allows it in `case`. */
  private separator(token: Node): void {
    if (token.type === ';;' || token.type === ';&' || token.type === ';;&')
      throw new ShellSyntaxError(token.startPosition.row + 1, `${token.type} can only be used in a case clause`);
  }

  protected statement(node: Node, stdin: StdinSource | null, nested: boolean): void {
    switch (node.type) {
      case 'command':
        return this.call(node, stdin, nested, []);
      case 'redirected_statement':
        return this.redirected(node, stdin, nested);
      case 'pipeline':
        return this.pipeline(pipelineParts(node), stdin, nested, node.startIndex);
      case 'declaration_command':
      case 'unset_command':
        return this.declaration(node, node.type === 'unset_command' ? stdin : null, nested);
      case 'variable_assignment':
      case 'variable_assignments': {
        const { assignments, words } = splitAssignments(
          node.type === 'variable_assignment'
            ? [node]
            : node.namedChildren.filter((child) => child.type === 'variable_assignment'),
        );
        const assigns = assignments.map((assignment) => this.assign(assignment));
        const raw = words.map((word) => this.word(word));
        this.current.calls.push({ argv: raw.map(unquoteWord), raw, assigns, stdin, nested });
        return;
      }
      case 'for_statement':
        return this.forLoop(node, stdin, nested);
      case 'case_statement':
        return this.caseClause(node, stdin, nested);
      case 'test_command':
        return this.keywordCall(
          node,
          stdin,
          nested,
          node.firstChild?.type === '[' ? ['[', ...testWords(node).map((word) => this.word(word)), ']'] : ['[['],
        );
      case 'compound_statement':
        if (node.firstChild?.type === '((') return this.keywordCall(node, stdin, nested, ['((']);
        return this.block(node, stdin, nested);
      case 'c_style_for_statement': {
        // Node objects are created on each access: compare ids, not references.
        const body = node.childForFieldName('body');
        for (const child of node.namedChildren) if (child.id !== body?.id) this.expansions(child);
        return this.block(body, stdin, nested);
      }
      default:
        // subshell, list, if/while, negated command, function definition, do/else/elif bodies.
        return this.block(node, stdin, nested);
    }
  }

  /** Statements inside a node (its other parts, like a function name, are read for expansions). */
  private block(node: Node | null, stdin: StdinSource | null, nested: boolean): void {
    if (node === null) return;
    for (const child of node.children) {
      if (!child.isNamed || child.type === 'comment') this.separator(child);
      else if (statementTypes.has(child.type) || child.type.endsWith('_clause') || child.type === 'do_group')
        this.statement(child, stdin, nested);
      else this.expansions(child);
    }
  }

  /**
   * `a | b | c`: each part after the first reads the text of the parts before it, from `start`.
   * `firstEnd`: where the text piped into the first part ends, when something before `parts` pipes
   * into it; `redirects` belong to the last part.
   */
  private pipeline(
    parts: Node[],
    stdin: StdinSource | null,
    nested: boolean,
    start: number,
    firstEnd: number | null = null,
    redirects: Node[] = [],
  ): void {
    parts.forEach((part, index) => {
      const end = index === 0 ? firstEnd : (parts[index - 1]?.endIndex ?? null);
      const input: StdinSource | null =
        end === null ? stdin : { kind: 'pipe', text: this.original.slice(start, end).trimEnd() };
      if (index === parts.length - 1 && redirects.length > 0) this.withRedirects(part, redirects, input, nested);
      else this.statement(part, input, nested);
    });
  }

  /**
   * A statement with redirections. tree-sitter hangs what follows a heredoc's `<<EOF` on the
   * redirection: words that belong to the command (`psql <<EOF -d app`), and a pipe or `&&` that
   * continues the statement after the body's command.
   */
  private redirected(node: Node, stdin: StdinSource | null, nested: boolean): void {
    const body = node.childForFieldName('body');
    const redirects = node.namedChildren.filter((child) => child.id !== body?.id && child.type.endsWith('_redirect'));
    this.withRedirects(body, redirects, stdin, nested);
    for (const heredoc of redirects) {
      if (heredoc.type !== 'heredoc_redirect') continue;
      const pipe = heredoc.namedChildren.find((child) => child.type === 'pipeline');
      if (pipe !== undefined) this.pipeline(pipelineParts(pipe), stdin, nested, node.startIndex, pipe.startIndex);
      const next = heredoc.childForFieldName('right');
      if (next !== null) this.statement(next, stdin, nested);
    }
  }

  /**
   * Applies redirections to a statement: read first (their `$( )` run first, the last input wins).
   * The grammar hangs `> f` of `a && b > f` and `a | b > f` on the whole list; the shell gives it to `b`.
   */
  private withRedirects(body: Node | null, redirects: Node[], stdin: StdinSource | null, nested: boolean): void {
    if (body?.type === 'pipeline' || body?.type === 'list') {
      const parts =
        body.type === 'pipeline' ? pipelineParts(body) : body.namedChildren.filter((child) => child.type !== 'comment');
      if (body.type === 'pipeline') return this.pipeline(parts, stdin, nested, body.startIndex, null, redirects);
      parts.forEach((part, index) =>
        index === parts.length - 1
          ? this.withRedirects(part, redirects, stdin, nested)
          : this.statement(part, stdin, nested),
      );
      return;
    }
    let input = stdin;
    const extraWords: Node[] = [];
    for (const redirect of redirects) {
      const { source, extra } = this.redirect(redirect);
      input = source ?? input;
      extraWords.push(...extra);
    }
    if (body?.type === 'command') return this.call(body, input, nested, extraWords);
    if (body !== null) this.statement(body, input, nested);
    for (const word of extraWords) this.word(word);
  }

  /** A simple command; `extraWords` are arguments tree-sitter attached to a redirection. */
  private call(node: Node, inherited: StdinSource | null, nested: boolean, extraWords: Node[]): void {
    const parts = callWords(node);
    let stdin = inherited;
    for (const redirect of parts.redirects) {
      const { source, extra } = this.redirect(redirect);
      stdin = source ?? stdin;
      parts.words.push(...extra);
    }
    const { assignments, words: notAssignments } = splitAssignments(parts.assignments);
    const assigns = assignments.map((assignment) => this.assign(assignment));
    const words = [...notAssignments, ...parts.words, ...extraWords].sort((a, b) => a.startIndex - b.startIndex);
    const misplaced = misplacedWord(words[0] ?? null, this.original);
    if (misplaced !== null) throw misplaced;
    const keywords = assigns.length === 0 ? leadingKeywords(words, this.original) : 0;
    const kept = words.slice(keywords);
    if (keywords > 0 && kept.length === 0) return;
    const raw = kept.map((word) => this.word(word));
    this.current.calls.push({ argv: raw.map(unquoteWord), raw, assigns, stdin, nested });
    // `read -r A B` sets A and B.
    if (raw[0] === 'read') {
      raw.forEach((word, index) => {
        const arg = kept[index];
        if (index > 0 && arg !== undefined && /^[A-Za-z_]\w*$/.test(word))
          this.facts.assignments.push({ name: word, offset: arg.startIndex });
      });
    }
  }

  /** `[[ … ]]`, `(( … ))`, `[ … ]`: conditions and arithmetic; their expansions matter, and `[` is a command. */
  private keywordCall(node: Node, stdin: StdinSource | null, nested: boolean, raw: string[]): void {
    if (raw[0] !== '[') this.expansions(node);
    this.current.calls.push({ argv: raw.map(unquoteWord), raw, assigns: [], stdin, nested });
  }

  private forLoop(node: Node, stdin: StdinSource | null, nested: boolean): void {
    const variable = node.childForFieldName('variable');
    if (variable !== null) this.facts.assignments.push({ name: variable.text, offset: variable.startIndex });
    for (const value of node.childrenForFieldName('value')) this.word(value);
    this.block(node.childForFieldName('body'), stdin, nested);
  }

  /** The word after `case` is read; patterns are not; each item's statements are. */
  private caseClause(node: Node, stdin: StdinSource | null, nested: boolean): void {
    const value = node.childForFieldName('value');
    if (value !== null) this.word(value);
    for (const item of node.namedChildren) {
      if (item.type !== 'case_item') continue;
      for (const child of item.namedChildren) if (statementTypes.has(child.type)) this.statement(child, stdin, nested);
    }
  }
}
