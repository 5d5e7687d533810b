import type { Span } from './shell-scanner.js';

/** A string literal of the statement: `start` is where its prefix (`E`, `N`) begins, `end` is after its closing quote. */
export interface SqlLiteral {
  start: number;
  /** Just after the opening quote. */
  bodyStart: number;
  /** Just after the closing quote (the end of the text when unterminated). */
  end: number;
  closed: boolean;
  prefix: string;
}

/** Where a placeholder sits in SQL text. */
export type SqlContext =
  | { kind: 'code' }
  | { kind: 'comment' }
  | { kind: 'string'; literal: SqlLiteral }
  /** A quoted identifier, a dollar-quoted body, a bit or Unicode string: no value can be bound there. */
  | { kind: 'unsupported'; what: string };

/** The context of each span, and whether the text already uses `$1`-style parameters of its own. */
export interface SqlScan {
  contexts: SqlContext[];
  positional: boolean;
}

type State = 'code' | 'line-comment' | 'block-comment' | 'string' | 'identifier' | 'dollar';

/**
 * Scans PostgreSQL text the way its lexer splits it: `--` and (nested) block comments, `'…'`
 * strings (`''` escapes, backslash escapes in `E'…'`), `"…"` identifiers, `$tag$…$tag$` bodies.
 * Spans are skipped as opaque text.
 */
export function scanSqlContexts(sql: string, spans: readonly Span[]): SqlScan {
  const ordered = spans.map((span, index) => ({ ...span, index })).sort((a, b) => a.start - b.start);
  const contexts = new Array<SqlContext>(spans.length);
  let state: State = 'code';
  let depth = 0;
  let tag = '';
  let literal: SqlLiteral | null = null;
  let positional = false;
  let next = 0;
  let pos = 0;
  const describe = (): SqlContext => {
    if (state === 'code') return { kind: 'code' };
    if (state === 'line-comment' || state === 'block-comment') return { kind: 'comment' };
    if (state === 'identifier') return { kind: 'unsupported', what: 'a quoted identifier' };
    if (state === 'dollar') return { kind: 'unsupported', what: 'a dollar-quoted body' };
    if (literal !== null && /^[EeNn]?$/.test(literal.prefix)) return { kind: 'string', literal };
    return { kind: 'unsupported', what: `a ${literal?.prefix ?? ''}'…' string` };
  };
  for (;;) {
    const span = ordered[next];
    if (span !== undefined && span.start <= pos) {
      contexts[span.index] = describe();
      pos = Math.max(pos, span.end);
      next++;
      continue;
    }
    if (pos >= sql.length) break;
    const c = sql[pos] ?? '';
    const two = sql.slice(pos, pos + 2);
    const before = sql[pos - 1] ?? ' ';
    if (state === 'code') {
      if (two === '--') state = 'line-comment';
      else if (two === '/*') [state, depth] = ['block-comment', 1];
      else if (c === '"') state = 'identifier';
      else if (c === "'") {
        const prefix = /(?:^|[^\w$])(E|e|N|n|B|b|X|x|U&|u&)$/.exec(sql.slice(Math.max(0, pos - 3), pos))?.[1] ?? '';
        literal = { start: pos - prefix.length, bodyStart: pos + 1, end: sql.length, closed: false, prefix };
        state = 'string';
      } else if (c === '$' && !/[\w$]/.test(before)) {
        const dollarTag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(pos, pos + 100));
        if (dollarTag !== null) [state, tag] = ['dollar', dollarTag[0]];
        else if (/^\$\d/.test(sql.slice(pos, pos + 2))) positional = true;
      }
      pos += state === 'block-comment' || state === 'line-comment' ? 2 : state === 'dollar' ? tag.length : 1;
    } else if (state === 'line-comment') {
      if (c === '\n') state = 'code';
      pos++;
    } else if (state === 'block-comment') {
      if (two === '/*' || two === '*/') {
        depth += two === '/*' ? 1 : -1;
        if (depth === 0) state = 'code';
        pos += 2;
      } else pos++;
    } else if (state === 'dollar') {
      if (sql.startsWith(tag, pos)) [state, pos] = ['code', pos + tag.length];
      else pos++;
    } else if (state === 'identifier') {
      if (two === '""') pos += 2;
      else [state, pos] = [c === '"' ? 'code' : state, pos + 1];
    } else if (literal !== null) {
      if (c === '\\' && /^[Ee]$/.test(literal.prefix)) pos += 2;
      else if (two === "''") pos += 2;
      else if (c === "'") {
        [literal.end, literal.closed, state] = [pos + 1, true, 'code'];
        pos++;
      } else pos++;
    }
  }
  return { contexts, positional };
}
