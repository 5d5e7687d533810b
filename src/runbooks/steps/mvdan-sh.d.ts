// Types for the parts of mvdan-sh 0.10.1 (GopherJS build of mvdan.cc/sh/v3/syntax) that the step
// analysis uses. The package ships no types; field names mirror the Go API. Go nil pointers come
// back as null and empty slices as []. Positions are UTF-8 byte offsets, not UTF-16 indices.

declare module 'mvdan-sh' {
  namespace sh {
    interface Pos {
      Offset(): number;
      Line(): number;
      Col(): number;
    }

    /** Every syntax node; narrow it with `syntax.NodeType(node)`. */
    interface Node {
      Pos(): Pos;
      End(): Pos;
    }

    interface Lit extends Node {
      Value: string;
    }

    interface Word extends Node {
      Parts: Node[];
      /** The word's value when it is a plain literal, otherwise ''. */
      Lit(): string;
    }

    interface ParamExp extends Node {
      Short: boolean;
      Excl: boolean;
      Length: boolean;
      Width: boolean;
      Param: Lit | null;
      Index: Node | null;
      Slice: unknown;
      Repl: unknown;
      Names: number;
      Exp: unknown;
    }

    interface CmdSubst extends Node {
      Stmts: Stmt[];
    }

    interface Assign extends Node {
      Naked: boolean;
      Name: Lit | null;
      Value: Word | null;
    }

    interface Redirect extends Node {
      Op: number;
      Word: Word;
      Hdoc: Word | null;
    }

    interface Stmt extends Node {
      Cmd: Node | null;
      Redirs: Redirect[];
      /** Position of a terminating `;`; line 0 when there is none. */
      Semicolon: Pos;
    }

    interface CallExpr extends Node {
      Assigns: Assign[];
      Args: Word[];
    }

    interface BinaryCmd extends Node {
      Op: number;
      X: Stmt;
      Y: Stmt;
    }

    /** Subshell and Block. */
    interface StmtList extends Node {
      Stmts: Stmt[];
    }

    interface IfClause extends Node {
      Cond: Stmt[];
      Then: Stmt[];
      Else: IfClause | null;
    }

    interface WhileClause extends Node {
      Cond: Stmt[];
      Do: Stmt[];
    }

    interface WordIter extends Node {
      Name: Lit;
      Items: Word[];
    }

    interface ForClause extends Node {
      Loop: Node;
      Do: Stmt[];
    }

    interface CaseItem extends Node {
      Stmts: Stmt[];
    }

    interface CaseClause extends Node {
      Word: Word;
      Items: CaseItem[];
    }

    interface FuncDecl extends Node {
      Body: Stmt;
    }

    /** TimeClause and CoprocClause. */
    interface WrappedStmt extends Node {
      Stmt: Stmt | null;
    }

    interface DeclClause extends Node {
      Variant: Lit;
      Args: Assign[];
    }

    interface File extends Node {
      Stmts: Stmt[];
    }

    /** What `Parse` throws on a syntax error. */
    interface ParseError {
      Error(): string;
      Pos: Pos;
      Text: string;
      Incomplete: boolean;
    }

    interface Parser {
      Parse(src: string, name: string): File;
    }

    type ParserOption = { readonly __parserOption: unique symbol };

    interface Syntax {
      NewParser(...options: ParserOption[]): Parser;
      KeepComments(enabled: boolean): ParserOption;
      Variant(language: number): ParserOption;
      LangBash: number;
      /** The Go type name without package and pointer: `CallExpr`, `Word`, `ParamExp` …; `nil` for null. */
      NodeType(node: Node | null): string;
      /** Depth-first; `visit(null)` is called after a node's children; return false to skip them. */
      Walk(node: Node, visit: (node: Node | null) => boolean): void;
    }
  }

  const sh: { syntax: sh.Syntax };
  export default sh;
}
