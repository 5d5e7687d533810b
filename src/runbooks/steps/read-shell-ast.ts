import type sh from 'mvdan-sh';
import type { ShellParser } from './shell-parser.js';
import { heredocBody, isWrittenFile, unquoteWord, type ShellFacts, type StatementFact, type StdinSource } from './shell-facts.js';
import { TextPositions } from './text-positions.js';

// Operator codes of mvdan.cc/sh/v3 (syntax/tokens.go) as mvdan-sh 0.10.1 numbers them.
const pipeOps = new Set([12, 13]); // |  |&
const inputOp = 56; // <
const heredocOps = new Set([61, 62]); // <<  <<-
const hereStringOp = 63; // <<<
const outputOps = new Set([54, 55, 59, 60, 64, 65]); // >  >>  >&  >|  &>  &>>

/**
 * Parses shell code with mvdan-sh and reads what classification needs. `masked` is what the parser
 * sees (placeholders replaced by same-length words); words are sliced from `original`, so they keep
 * the placeholders as written. Throws the parser's error on invalid shell.
 */
export function readShellAst(shell: ShellParser, masked: string, original: string): ShellFacts {
  const file = shell.parser.Parse(masked, 'step.sh');
  return new AstReader(shell.syntax, new TextPositions(masked), original).read(file);
}

/**
 * Walks statements by hand: the GopherJS wrappers make every field access and `Walk` callback
 * cost microseconds, so only words that contain `$`, backquotes or `<(` are walked generically.
 */
class AstReader {
  private readonly facts: ShellFacts = { statements: [], envRefs: [], assignments: [] };
  private current: StatementFact = { start: 0, end: 0, calls: [], writes: [] };

  constructor(
    private readonly syntax: sh.Syntax,
    private readonly positions: TextPositions,
    private readonly original: string,
  ) {}

  read(file: sh.File): ShellFacts {
    for (const stmt of file.Stmts) {
      // The statement ends before its `;` (the separator is not part of the command).
      const semicolon = stmt.Semicolon.Line() > 0 ? this.offset(stmt.Semicolon) : -1;
      const end = this.offset(stmt.End());
      this.current = { start: this.offset(stmt.Pos()), end: semicolon === end - 1 ? semicolon : end, calls: [], writes: [] };
      this.stmt(stmt, null, false);
      this.facts.statements.push(this.current);
    }
    return this.facts;
  }

  private offset(pos: sh.Pos): number {
    return this.positions.fromByteOffset(pos.Offset());
  }

  private text(node: sh.Node): string {
    return this.original.slice(this.offset(node.Pos()), this.offset(node.End()));
  }

  private stmts(list: sh.Stmt[], stdin: StdinSource | null, nested: boolean): void {
    for (const stmt of list) this.stmt(stmt, stdin, nested);
  }

  private stmt(stmt: sh.Stmt, inherited: StdinSource | null, nested: boolean): void {
    let stdin = inherited;
    for (const redirect of stmt.Redirs) stdin = this.redirect(redirect) ?? stdin;
    if (stmt.Cmd !== null) this.command(stmt.Cmd, stdin, nested);
  }

  private command(cmd: sh.Node, stdin: StdinSource | null, nested: boolean): void {
    const type = this.syntax.NodeType(cmd);
    if (type === 'CallExpr') return this.call(cmd as sh.CallExpr, stdin, nested);
    if (type === 'BinaryCmd') {
      const binary = cmd as sh.BinaryCmd;
      this.stmt(binary.X, stdin, nested);
      const piped = pipeOps.has(binary.Op) ? { kind: 'pipe' as const, text: this.text(binary.X) } : stdin;
      return this.stmt(binary.Y, piped, nested);
    }
    if (type === 'Subshell' || type === 'Block') return this.stmts((cmd as sh.StmtList).Stmts, stdin, nested);
    if (type === 'IfClause') {
      for (let clause: sh.IfClause | null = cmd as sh.IfClause; clause !== null; clause = clause.Else) {
        this.stmts(clause.Cond, stdin, nested);
        this.stmts(clause.Then, stdin, nested);
      }
      return;
    }
    if (type === 'WhileClause') {
      const loop = cmd as sh.WhileClause;
      this.stmts(loop.Cond, stdin, nested);
      return this.stmts(loop.Do, stdin, nested);
    }
    if (type === 'ForClause') return this.forClause(cmd as sh.ForClause, stdin, nested);
    if (type === 'CaseClause') {
      const clause = cmd as sh.CaseClause;
      this.word(clause.Word);
      for (const item of clause.Items) this.stmts(item.Stmts, stdin, nested);
      return;
    }
    if (type === 'FuncDecl') return this.stmt((cmd as sh.FuncDecl).Body, stdin, nested);
    if (type === 'TimeClause' || type === 'CoprocClause') {
      const inner = (cmd as sh.WrappedStmt).Stmt;
      return inner === null ? undefined : this.stmt(inner, stdin, nested);
    }
    if (type === 'DeclClause') return this.declaration(cmd as sh.DeclClause, nested);
    // `[[ … ]]`, `(( … ))`, `let`: conditions and arithmetic; only their expansions matter.
    this.expansions(cmd);
    const keyword = type === 'TestClause' ? '[[' : type === 'ArithmCmd' ? '((' : type === 'LetClause' ? 'let' : type;
    this.current.calls.push({ argv: [keyword], raw: [keyword], assigns: [], stdin, nested });
  }

  private call(call: sh.CallExpr, stdin: StdinSource | null, nested: boolean): void {
    const assigns = call.Assigns.map((assign) => this.assign(assign)).filter((name): name is string => name !== null);
    const raw = call.Args.map((word) => this.word(word));
    this.current.calls.push({ argv: raw.map(unquoteWord), raw, assigns, stdin, nested });
    if (raw[0] === 'read') this.readTargets(call, raw);
  }

  private forClause(clause: sh.ForClause, stdin: StdinSource | null, nested: boolean): void {
    if (this.syntax.NodeType(clause.Loop) === 'WordIter') {
      const iter = clause.Loop as sh.WordIter;
      this.facts.assignments.push({ name: iter.Name.Value, offset: this.offset(iter.Name.Pos()) });
      for (const word of iter.Items) this.word(word);
    } else {
      this.expansions(clause.Loop);
    }
    this.stmts(clause.Do, stdin, nested);
  }

  private declaration(decl: sh.DeclClause, nested: boolean): void {
    const assigns = decl.Args.map((assign) => this.assign(assign)).filter((name): name is string => name !== null);
    const raw = [decl.Variant.Value, ...decl.Args.map((assign) => this.text(assign))];
    this.current.calls.push({ argv: raw.map(unquoteWord), raw, assigns, stdin: null, nested });
  }

  private assign(assign: sh.Assign): string | null {
    const name = assign.Name?.Value ?? null;
    if (name !== null && !assign.Naked) this.facts.assignments.push({ name, offset: this.offset(assign.Pos()) });
    if (assign.Value !== null) this.word(assign.Value);
    return assign.Naked ? null : name;
  }

  /** `read -r A B` sets A and B. */
  private readTargets(call: sh.CallExpr, raw: string[]): void {
    raw.forEach((word, index) => {
      const arg = call.Args[index];
      if (index > 0 && arg !== undefined && /^[A-Za-z_]\w*$/.test(word)) this.facts.assignments.push({ name: word, offset: this.offset(arg.Pos()) });
    });
  }

  private word(word: sh.Word): string {
    const raw = this.text(word);
    if (/[$`]|[<>]\(/.test(raw)) this.expansions(word);
    return raw;
  }

  /** Finds parameter expansions and the commands inside `$( )` / `<( )` under a node. */
  private expansions(node: sh.Node): void {
    this.syntax.Walk(node, (child) => {
      if (child === null) return true;
      const type = this.syntax.NodeType(child);
      if (type === 'ParamExp') this.param(child as sh.ParamExp);
      if (type !== 'CmdSubst' && type !== 'ProcSubst') return true;
      this.stmts((child as sh.CmdSubst).Stmts, null, true);
      return false;
    });
  }

  private param(exp: sh.ParamExp): void {
    // `${#X}`, `${!X}`, `${a[0]}`, `${X/a/b}`, `${X:1:2}` compute something from X: not a plain value to fill in.
    if (exp.Length || exp.Excl || exp.Index !== null || exp.Slice !== null || exp.Repl !== null || exp.Names !== 0) return;
    const name = exp.Param?.Value ?? '';
    if (name !== '') this.facts.envRefs.push({ name, start: this.offset(exp.Pos()), end: this.offset(exp.End()) });
  }

  private redirect(redirect: sh.Redirect): StdinSource | null {
    const target = this.word(redirect.Word);
    if (heredocOps.has(redirect.Op)) {
      if (redirect.Hdoc === null) return { kind: 'heredoc', text: '' };
      // A quoted delimiter (`<<'EOF'`) turns expansion off in the body.
      if (redirect.Word.Lit() !== '') this.expansions(redirect.Hdoc);
      // `cat <<EOF > out` ends, for the parser, at `out`; the command really ends after the body.
      this.current.end = Math.max(this.current.end, this.offset(redirect.Hdoc.End()));
      return { kind: 'heredoc', text: heredocBody(this.text(redirect.Hdoc), unquoteWord(target)) };
    }
    if (redirect.Op === hereStringOp) return { kind: 'herestring', text: unquoteWord(target) };
    if (redirect.Op === inputOp) return { kind: 'file', text: unquoteWord(target) };
    if (outputOps.has(redirect.Op) && isWrittenFile(unquoteWord(target))) this.current.writes.push(unquoteWord(target));
    return null;
  }
}
