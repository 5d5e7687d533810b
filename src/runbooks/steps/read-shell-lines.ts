import {
  heredocBody,
  isWrittenFile,
  unquoteWord,
  type CallFact,
  type ShellFacts,
  type StatementFact,
  type StdinSource,
} from './shell-facts.js';

interface Token {
  kind: 'word' | 'op';
  start: number;
  end: number;
  text: string;
}

const assignmentWord = /^([A-Za-z_]\w*)\+?=/;

/**
 * Line-based reading for code the shell parser refuses (unterminated quotes, prose pasted in a
 * block): one command per line, `\` continuations and heredocs kept together, words split by a
 * forgiving tokenizer. Never throws.
 */
export function readShellLines(masked: string, original: string): ShellFacts {
  const facts: ShellFacts = { statements: [], envRefs: [], assignments: [] };
  const lines = masked.split('\n');
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    let end = lineStart + line.length;
    while (/\\\s*$/.test(masked.slice(lineStart, end)) && index + 1 < lines.length) {
      index++;
      end += 1 + (lines[index] ?? '').length;
      offset = end + 1;
    }
    const start = lineStart + (line.length - line.trimStart().length);
    const commandEnd = end;
    const heredoc = /(?<!<)<<-?(?!<)\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(masked.slice(start, end));
    let stdin: StdinSource | null = null;
    if (heredoc !== null) {
      const bodyStart = end + 1;
      while (index + 1 < lines.length && (lines[index + 1] ?? '').trim() !== heredoc[2]) {
        index++;
        end += 1 + (lines[index] ?? '').length;
      }
      if (index + 1 < lines.length) end += 1 + (lines[++index] ?? '').length;
      offset = end + 1;
      stdin = { kind: 'heredoc', text: heredocBody(original.slice(bodyStart, end), heredoc[2] ?? '') };
      if (heredoc[1] === '') scanEnvRefs(masked, bodyStart, end, facts, false);
    }
    facts.statements.push(readStatement(masked, original, { start, commandEnd, end }, stdin, facts));
  }
  return facts;
}

/** Reads one logical line; `commandEnd` is where a heredoc body (up to `end`) begins. */
function readStatement(
  masked: string,
  original: string,
  { start, commandEnd, end }: { start: number; commandEnd: number; end: number },
  heredoc: StdinSource | null,
  facts: ShellFacts,
): StatementFact {
  const statement: StatementFact = { start, end, calls: [], writes: [] };
  scanEnvRefs(masked, start, commandEnd, facts, true);
  let words: Token[] = [];
  let stdin: StdinSource | null = null;
  const flush = (next: StdinSource | null): void => {
    if (words.length > 0) statement.calls.push(toCall(words, original, stdin ?? heredoc, facts));
    words = [];
    stdin = next;
  };
  const tokens = tokenize(masked, start, commandEnd);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'word') words.push(token);
    else if (/^\d*(>>?|&>>?|>\|)$/.test(token.text) || /^\d*[<>]&$/.test(token.text)) {
      const target = tokens[++i];
      if (target !== undefined && isWrittenFile(unquoteWord(target.text)))
        statement.writes.push(unquoteWord(target.text));
    } else if (/^\d*<$/.test(token.text)) {
      const target = tokens[++i];
      stdin = { kind: 'file', text: unquoteWord(target?.text ?? '') };
    } else if (/^\d*<</.test(token.text)) i++;
    else {
      const piped = token.text === '|' || token.text === '|&';
      flush(piped ? { kind: 'pipe', text: original.slice(start, token.start) } : null);
    }
  }
  flush(null);
  return statement;
}

function toCall(words: Token[], original: string, stdin: StdinSource | null, facts: ShellFacts): CallFact {
  const assigns: string[] = [];
  let first = 0;
  for (; first < words.length; first++) {
    const name = assignmentWord.exec((words[first] as Token).text)?.[1];
    if (name === undefined) break;
    assigns.push(name);
    facts.assignments.push({ name, offset: (words[first] as Token).start });
  }
  const raw = words.slice(first).map((word) => original.slice(word.start, word.end));
  const argv = raw.map(unquoteWord);
  if (['export', 'local', 'declare', 'readonly', 'typeset', 'read', 'for'].includes(argv[0] ?? '')) {
    words.slice(first + 1).forEach((word) => {
      const name = /^([A-Za-z_]\w*)(?:=|$)/.exec(word.text)?.[1];
      if (name !== undefined) facts.assignments.push({ name, offset: word.start });
    });
  }
  return { argv, raw, assigns, stdin, nested: false };
}

/** Splits one command line into words and operators; quotes and `$( )` stay inside words. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const char = text[i] ?? '';
    if (/\s/.test(char) || (char === '\\' && text[i + 1] === '\n')) {
      i += char === '\\' ? 2 : 1;
      continue;
    }
    if (char === '#') break;
    const op = /^(?:\d*(?:<<<|<<-?|>>|>\||[<>]&|[<>])|&>>?|\|\||\|&|&&|[|;&])/.exec(
      text.slice(i, Math.min(end, i + 4)),
    )?.[0];
    if (op !== undefined) {
      tokens.push({ kind: 'op', start: i, end: i + op.length, text: op });
      i += op.length;
      continue;
    }
    const wordStart = i;
    while (i < end && !/[\s|;&<>]/.test(text[i] ?? '')) i = skipQuoted(text, i, end);
    if (i === wordStart) i++;
    tokens.push({ kind: 'word', start: wordStart, end: i, text: text.slice(wordStart, i) });
  }
  return tokens;
}

/** Index after the character (or quoted section, escape, `$( )`) at `i`; unterminated runs to `end`. */
function skipQuoted(text: string, i: number, end: number): number {
  const char = text[i];
  if (char === '\\') return Math.min(end, i + 2);
  if (char === "'" || char === '"') {
    for (let j = i + 1; j < end; j++) {
      if (char === '"' && text[j] === '\\') j++;
      else if (text[j] === char) return j + 1;
    }
    return end;
  }
  if (char === '$' && text[i + 1] === '(') {
    let depth = 0;
    for (let j = i + 1; j < end; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) return j + 1;
    }
    return end;
  }
  return i + 1;
}

/** `$NAME` and `${NAME}` outside single quotes (inside them the shell expands nothing). */
function scanEnvRefs(text: string, start: number, end: number, facts: ShellFacts, honourQuotes: boolean): void {
  let single = false;
  let double = false;
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (honourQuotes && char === '"' && !single) double = !double;
    if (honourQuotes && char === "'" && !double) single = !single;
    if (char !== '$' || single) continue;
    const match = /^\$(?:\{([A-Za-z_]\w*)(?::?[-=?+][^}]*)?\}|([A-Za-z_]\w*))/.exec(text.slice(i, end));
    if (match === null) continue;
    facts.envRefs.push({ name: match[1] ?? match[2] ?? '', start: i, end: i + match[0].length });
  }
}
