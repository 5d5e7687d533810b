import { newCommandFrame, type CommandFrame, type Frame, type PendingHeredoc } from './shell-frames.js';

/**
 * Position, frame stack and the primitive moves of the shell scanner (`shell-scanner.ts` holds
 * the per-frame rules). Words are accumulated with quotes removed and expansions read as `_`,
 * which is what the nested-shell and arithmetic checks look at.
 */
export class ShellScanState {
  protected pos = 0;
  protected readonly stack: Frame[] = [newCommandFrame(null)];
  private readonly pending: PendingHeredoc[] = [];

  constructor(protected readonly text: string) {}

  protected get top(): Frame {
    // The top-level command frame is never popped, so the stack is never empty.
    return this.stack[this.stack.length - 1] as Frame;
  }

  protected char(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  /** At a `$`: `$'…'`, `$"…"`, `$((`, `$(`, `${`, `$NAME` or a lone dollar sign. */
  protected dollar(quotesAllowed: boolean): void {
    const next = this.char(1);
    if (quotesAllowed && (next === "'" || next === '"'))
      return this.open({ kind: next === "'" ? 'ansi-c' : 'double' }, 2, '');
    if (next === '(' && this.char(2) === '(') return this.open({ kind: 'arithmetic', parens: 0 }, 3);
    if (next === '(') return this.open(newCommandFrame(')'), 2);
    if (next === '{') return this.open({ kind: 'brace', start: this.pos + 2 }, 2);
    const name = /^(?:[A-Za-z_]\w*|[0-9?#$!@*-])/.exec(this.text.slice(this.pos + 1, this.pos + 200));
    this.append(name === null ? '$' : '_');
    this.pos += 1 + (name?.[0].length ?? 0);
  }

  /** Pushes a frame after `width` characters; the enclosing word gets `word` (an expansion reads as `_`). */
  protected open(frame: Frame, width: number, word: string | null = '_'): void {
    if (word !== null) this.append(word);
    this.stack.push(frame);
    this.pos += width;
  }

  /** A backslash and the character it escapes (appended when `keep`; a line continuation is not). */
  protected escaped(keep: boolean): void {
    if (keep) this.append(this.char(1));
    this.pos += 2;
  }

  /** Adds text to the word (or heredoc body) the current position belongs to, if any. */
  protected append(text: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i];
      if (frame === undefined || frame.kind === 'double' || frame.kind === 'single' || frame.kind === 'ansi-c')
        continue;
      if (frame.kind === 'command') frame.word = (frame.word ?? '') + text;
      if (frame.kind === 'heredoc') frame.body += text;
      return;
    }
  }

  /** Whether the `${…}` on top is itself inside double quotes (where `'` is a plain character). */
  protected insideDouble(): boolean {
    for (let i = this.stack.length - 2; i >= 0; i--) {
      const kind = this.stack[i]?.kind;
      if (kind === 'double') return true;
      if (kind !== 'brace') return false;
    }
    return false;
  }

  protected endWord(frame: CommandFrame): void {
    if (frame.word === null) return;
    if (frame.redirect) frame.redirect = false;
    else frame.words.push(frame.word);
    if (frame.word === '[[') frame.testStart = this.text.lastIndexOf('[[', this.pos);
    if (frame.word === ']]') frame.testStart = null;
    frame.word = null;
  }

  protected endCommand(frame: CommandFrame): void {
    this.endWord(frame);
    frame.words = [];
    frame.testStart = null;
    frame.redirect = false;
  }

  /** Reads `<<EOF`, `<<-'EOF'` …; the body starts at the next newline. */
  protected heredocStart(frame: CommandFrame): void {
    this.pos += 2;
    const stripTabs = this.char() === '-';
    if (stripTabs) this.pos++;
    while (this.char() === ' ' || this.char() === '\t') this.pos++;
    let delimiter = '';
    let quoted = false;
    while (this.pos < this.text.length && !/[\s;&|()<>]/.test(this.char())) {
      const c = this.char();
      if (c === "'" || c === '"') {
        const close = this.text.indexOf(c, this.pos + 1);
        const end = close === -1 ? this.text.length : close;
        delimiter += this.text.slice(this.pos + 1, end);
        this.pos = end + 1;
        quoted = true;
      } else {
        if (c === '\\') quoted = true;
        delimiter += c === '\\' ? this.char(1) : c;
        this.pos += c === '\\' ? 2 : 1;
      }
    }
    const eol = this.text.indexOf('\n', this.pos);
    const ownerTail = this.text.slice(this.pos, eol === -1 ? undefined : eol);
    this.pending.push({ delimiter, stripTabs, quoted, owner: [...frame.words], ownerTail });
  }

  protected startPendingHeredoc(): void {
    const next = this.pending.shift();
    if (next !== undefined) this.stack.push({ kind: 'heredoc', ...next, body: '', atLineStart: true });
  }
}
