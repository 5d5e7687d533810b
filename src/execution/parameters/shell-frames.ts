import type { NestedCode } from './nested-shell.js';

/**
 * The lexical states of the shell scanner. The scanner keeps a stack of them: `"… $(cmd '…') …"`
 * is a command frame, a double-quote frame, a command frame and a single-quote frame.
 */

/** Shell text at top level, inside `$( )` or inside backquotes; tracks the words of the current simple command. */
export interface CommandFrame {
  kind: 'command';
  /** What ends the frame: `)` for `$( )`, a backquote, or nothing at top level. */
  closer: ')' | '`' | null;
  /** Unbalanced `(` seen in this frame (subshells), so their `)` does not end a `$( )`. */
  parens: number;
  /** Finished words of the current simple command, quotes removed, expansions as `_`. */
  words: string[];
  /** The word being read, or null between words. */
  word: string | null;
  /** The next word is a redirection target (`> file`), not an argument. */
  redirect: boolean;
  /** Offset of the `[[` of the test clause being read, if any. */
  testStart: number | null;
}

/** A heredoc body; `owner` holds the words of the command it is given to. */
export interface HeredocFrame {
  kind: 'heredoc';
  delimiter: string;
  /** `<<-`: leading tabs are ignored on the closing line. */
  stripTabs: boolean;
  /** `<<'EOF'`, `<<"EOF"`, `<<\EOF`: the body is passed verbatim, nothing expands. */
  quoted: boolean;
  owner: string[];
  /** The rest of the line of `<<EOF` (`| bash` there makes the body code). */
  ownerTail: string;
  /** The body read so far, as the receiving program will see it (expansions as `_`). */
  body: string;
  atLineStart: boolean;
}

/** `${…}`: `start` is the offset just after `${`. */
export interface BraceFrame {
  kind: 'brace';
  start: number;
}

/** `$(( … ))` or `(( … ))`. */
export interface ArithmeticFrame {
  kind: 'arithmetic';
  parens: number;
}

/** `"…"`, `'…'`, `$'…'`, or a `# comment` up to the end of its line. */
export interface SimpleFrame {
  kind: 'double' | 'single' | 'ansi-c' | 'comment';
}

export type Frame = CommandFrame | HeredocFrame | BraceFrame | ArithmeticFrame | SimpleFrame;

/** A heredoc announced by `<<EOF` whose body starts at the next newline. */
export type PendingHeredoc = Omit<HeredocFrame, 'kind' | 'body' | 'atLineStart'>;

/** How the shell reads the text at a placeholder. */
export const shellQuotings = [
  'unquoted',
  'double',
  'single',
  'ansi-c',
  'heredoc',
  'quoted-heredoc',
  'comment',
  'arithmetic',
] as const;
export type ShellQuoting = (typeof shellQuotings)[number];

/** What the rewriter needs to know about the place of one placeholder. */
export interface ShellContext {
  quoting: ShellQuoting;
  /**
   * The value is evaluated as an arithmetic expression (`$(( ))`, `(( ))`, `let`, `[[ -eq ]]`,
   * `${a[i]}`, `${x:off}`, `declare -i`): bash runs `$(…)` found in array subscripts there, so
   * only integers may reach it.
   */
  integerOnly: boolean;
  /** The placeholder is (part of) code that another shell will parse. */
  nested: NestedCode | null;
  /** An enclosing command substitution's output becomes code of this other shell: never safe. */
  nestedOuter: string | null;
}

export function newCommandFrame(closer: CommandFrame['closer']): CommandFrame {
  return { kind: 'command', closer, parens: 0, words: [], word: null, redirect: false, testStart: null };
}
