import { describeShellContext } from './describe-shell-context.js';
import { programIndex } from './nested-shell.js';
import {
  newCommandFrame,
  type ArithmeticFrame,
  type CommandFrame,
  type HeredocFrame,
  type ShellContext,
} from './shell-frames.js';
import { ShellScanState } from './shell-scan-state.js';

/** A span of the code (UTF-16 offsets, end exclusive) whose context is wanted. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Tells, for each span, how bash reads the text there: quoting (single, double, `$'…'`, heredoc …),
 * arithmetic, and whether the text is code for another shell. Spans are taken as opaque words, so
 * `<task_id>` is not read as a redirection. A small lexer, not a parser: when it misjudges exotic
 * code the rewritten reference may split or glob, but never runs the value, which stays in the
 * environment.
 */
export function scanShellContexts(code: string, spans: readonly Span[]): ShellContext[] {
  const ordered = spans
    .map((span, index) => ({ start: span.start, end: span.end, index }))
    .sort((a, b) => a.start - b.start);
  return new ShellScanner(code).run(ordered, spans.length);
}

class ShellScanner extends ShellScanState {
  run(spans: readonly (Span & { index: number })[], count: number): ShellContext[] {
    const results = new Array<ShellContext>(count);
    let next = 0;
    for (;;) {
      const span = spans[next];
      if (span !== undefined && span.start <= this.pos) {
        results[span.index] = describeShellContext(this.stack, this.text, this.pos);
        this.append('_');
        const top = this.top;
        if (top.kind === 'heredoc') top.atLineStart = false;
        this.pos = Math.max(this.pos, span.end);
        next++;
      } else if (this.pos >= this.text.length) {
        return results;
      } else {
        this.step();
      }
    }
  }

  private step(): void {
    const frame = this.top;
    const c = this.char();
    if (frame.kind === 'command') return this.commandChar(frame, c);
    if (frame.kind === 'heredoc') return this.heredocChar(frame, c);
    if (frame.kind === 'comment') {
      if (c === '\n') this.stack.pop();
      else this.pos++;
      return;
    }
    if (frame.kind === 'single' || (frame.kind === 'ansi-c' && c !== '\\')) {
      if (c === "'") this.stack.pop();
      else this.append(c);
      this.pos++;
      return;
    }
    if (frame.kind === 'arithmetic') return this.arithmeticChar(frame, c);
    if (frame.kind === 'double') return this.doubleChar(c);
    if (frame.kind === 'brace') return this.braceChar(c);
    return this.escaped(true);
  }

  private commandChar(frame: CommandFrame, c: string): void {
    const next = this.char(1);
    if (c === '\\') return this.escaped(next !== '\n');
    if (c === "'" || c === '"') return this.open({ kind: c === "'" ? 'single' : 'double' }, 1, '');
    if (c === '$') return this.dollar(true);
    if (c === '`') {
      if (frame.closer !== '`') return this.open(newCommandFrame('`'), 1);
      this.endWord(frame);
      this.stack.pop();
      this.pos++;
      return;
    }
    if (c === '#' && frame.word === null) return this.open({ kind: 'comment' }, 1, null);
    // Inside `[[ … ]]`, `&&`, `(`, `<` … are operators of the test, not command separators.
    if (c === ' ' || c === '\t' || (frame.testStart !== null && '&|()<>\n'.includes(c))) {
      this.endWord(frame);
      this.pos++;
      return;
    }
    if (c === '<' || c === '>' || (c === '&' && next === '>')) return this.redirection(frame);
    if (c === '\n' || c === ';' || c === '&' || c === '|') {
      this.endCommand(frame);
      this.pos++;
      if (c === '\n') this.startPendingHeredoc();
      return;
    }
    if (c === '(' && next === '(' && frame.word === null && programIndex(frame.words) === -1) {
      return this.open({ kind: 'arithmetic', parens: 0 }, 2, null);
    }
    if (c === '(' || c === ')') return this.parenthesis(frame, c);
    this.append(c);
    this.pos++;
  }

  private parenthesis(frame: CommandFrame, c: string): void {
    this.endCommand(frame);
    if (c === '(') frame.parens++;
    else if (frame.parens === 0 && frame.closer === ')') this.stack.pop();
    else frame.parens = Math.max(0, frame.parens - 1);
    this.pos++;
  }

  private redirection(frame: CommandFrame): void {
    // `2>&1`: the fd number is part of the operator, not an argument.
    if (frame.word !== null && /^\d+$/.test(frame.word)) frame.word = null;
    this.endWord(frame);
    if (this.text.startsWith('<<', this.pos) && !this.text.startsWith('<<<', this.pos)) return this.heredocStart(frame);
    const operator = /^(?:&>>?|<<<|[<>][>&|]?)/.exec(this.text.slice(this.pos, this.pos + 3));
    this.pos += operator?.[0].length ?? 1;
    frame.redirect = true;
  }

  private heredocChar(frame: HeredocFrame, c: string): void {
    if (frame.atLineStart) {
      const eol = this.text.indexOf('\n', this.pos);
      const line = this.text.slice(this.pos, eol === -1 ? undefined : eol);
      if ((frame.stripTabs ? line.replace(/^\t+/, '') : line) === frame.delimiter) {
        this.stack.pop();
        this.pos = eol === -1 ? this.text.length : eol + 1;
        this.startPendingHeredoc();
        return;
      }
      frame.atLineStart = false;
    }
    const next = this.char(1);
    if (!frame.quoted && c === '\\' && (next === '$' || next === '`' || next === '\\' || next === '\n'))
      return this.escaped(next !== '\n');
    if (!frame.quoted && c === '$') return this.dollar(false);
    if (!frame.quoted && c === '`') return this.open(newCommandFrame('`'), 1);
    if (c === '\n') frame.atLineStart = true;
    this.append(c);
    this.pos++;
  }

  private doubleChar(c: string): void {
    const next = this.char(1);
    if (c === '"') {
      this.stack.pop();
      this.pos++;
    } else if (c === '\\' && next !== '' && '$`"\\\n'.includes(next)) {
      this.escaped(next !== '\n');
    } else if (c === '$') {
      this.dollar(false);
    } else if (c === '`') {
      this.open(newCommandFrame('`'), 1);
    } else {
      this.append(c);
      this.pos++;
    }
  }

  private braceChar(c: string): void {
    const inDouble = this.insideDouble();
    if (c === '}') {
      this.stack.pop();
      this.pos++;
    } else if (c === '\\') {
      this.pos += 2;
    } else if (c === "'" && !inDouble) {
      this.open({ kind: 'single' }, 1, null);
    } else if (c === '"') {
      this.open({ kind: 'double' }, 1, null);
    } else if (c === '$') {
      this.dollar(!inDouble);
    } else if (c === '`') {
      this.open(newCommandFrame('`'), 1);
    } else {
      this.pos++;
    }
  }

  private arithmeticChar(frame: ArithmeticFrame, c: string): void {
    if (c === '$') return this.dollar(false);
    if (c === '`') return this.open(newCommandFrame('`'), 1);
    if (c === '"') return this.open({ kind: 'double' }, 1, null);
    if (c === '(') frame.parens++;
    if (c === ')' && frame.parens === 0) {
      this.stack.pop();
      this.pos += this.char(1) === ')' ? 2 : 1;
      return;
    }
    if (c === ')') frame.parens--;
    this.pos++;
  }
}
