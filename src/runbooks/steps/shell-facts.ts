/**
 * What the shell reading (parser or line-based fallback) hands to classification: per command line,
 * its simple commands with their words, where their stdin comes from and which files they write.
 */

/** Where a simple command reads its input from, when the code says so. */
export interface StdinSource {
  kind: 'heredoc' | 'herestring' | 'file' | 'pipe';
  /** Heredoc body, here-string, file name, or the text of the command piping in. */
  text: string;
}

/** One simple command: words as written (`raw`) and with quotes removed (`argv`). */
export interface CallFact {
  argv: string[];
  raw: string[];
  /** Names assigned in front of the command (`PGPASSWORD=x psql`), or by `export X=1`. */
  assigns: string[];
  stdin: StdinSource | null;
  /** Inside `$( )`, backquotes or `<( )`. */
  nested: boolean;
}

/** One top-level command line (shell statement). Offsets are UTF-16, end exclusive. */
export interface StatementFact {
  start: number;
  end: number;
  calls: CallFact[];
  /** Files written by `>`, `>>`, `&>` … (not /dev/null). */
  writes: string[];
}

/** A `$NAME` / `${NAME}` expansion that may be a parameter. */
export interface EnvRef {
  name: string;
  start: number;
  end: number;
}

/** Everything read from one shell block. */
export interface ShellFacts {
  statements: StatementFact[];
  envRefs: EnvRef[];
  /** Variables the block sets itself (`X=1`, `for i in`, `read X`), with the offset where. */
  assignments: { name: string; offset: number }[];
}

/**
 * Removes shell quoting from one word as written: `'a b'`, `"a \"b\""`, `a\ b`, `$'\n'`. Expansions
 * (`$X`, `$(cmd)`) are kept as text, which is what rules and displays need.
 */
export function unquoteWord(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const char = raw[i] ?? '';
    if (char === '\\') {
      const next = raw[i + 1];
      if (next !== undefined && next !== '\n') out += next;
      i += 2;
    } else if (char === "'") {
      const close = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, close === -1 ? raw.length : close);
      i = close === -1 ? raw.length : close + 1;
    } else if (char === '$' && raw[i + 1] === "'") {
      const close = findClosing(raw, i + 2, "'");
      out += raw
        .slice(i + 2, close)
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t')
        .replace(/\\(.)/g, '$1');
      i = close + 1;
    } else if (char === '"') {
      const close = findClosing(raw, i + 1, '"');
      out += raw
        .slice(i + 1, close)
        .replace(/\\([$`"\\])/g, '$1')
        .replace(/\\\n/g, '');
      i = close + 1;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** Index of the closing quote, skipping backslash escapes; the end of the text when unterminated. */
function findClosing(raw: string, from: number, quote: string): number {
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === quote) return i;
  }
  return raw.length;
}

const harmlessTargets = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty', '-']);

/** Whether an output redirection target is a real file (not /dev/null, not an fd like `&1`). */
export function isWrittenFile(target: string): boolean {
  return target !== '' && !harmlessTargets.has(target) && !/^&?\d+-?$/.test(target);
}

/** Strips the closing delimiter line the parser includes at the end of a heredoc body. */
export function heredocBody(body: string, delimiter: string): string {
  const lines = body.split('\n');
  const last = lines[lines.length - 1]?.trim();
  if (last === delimiter.trim()) lines.pop();
  return lines.join('\n');
}
