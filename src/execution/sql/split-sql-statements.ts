import { scanSqlContexts } from '../parameters/sql-contexts.js';

/** One statement of a SQL step: its text as written (no `;`, trimmed) and where it sits in the step. */
export interface SqlStatementSpan {
  text: string;
  /** Offset of the first character of `text` in the step (UTF-16, as `ParameterOccurrence`). */
  start: number;
  /** Offset just after the last character of `text`. */
  end: number;
}

/**
 * Splits a SQL step into statements at the `;` PostgreSQL's lexer would end a statement at: not
 * inside `'…'` / `E'…'` strings, `"…"` identifiers, `--` or nested block comments, or `$tag$…$tag$`
 * bodies. Each `;` is given to `scanSqlContexts` (the lexer the parameter rewriter uses) as an
 * empty span, which only asks for the context there and lexes the text exactly as without it.
 * Statements made only of whitespace and comments are dropped; a trailing statement without `;`
 * is kept. SQL-standard function bodies (`BEGIN ATOMIC … END`) are not recognised: psql counts
 * their `BEGIN`s, this splitter cuts at their first `;`.
 */
export function splitSqlStatements(sql: string): SqlStatementSpan[] {
  const semicolons: number[] = [];
  for (let at = sql.indexOf(';'); at !== -1; at = sql.indexOf(';', at + 1)) semicolons.push(at);
  const { contexts } = scanSqlContexts(
    sql,
    semicolons.map((at) => ({ start: at, end: at })),
  );
  const cuts = semicolons.filter((_, index) => contexts[index]?.kind === 'code');
  const statements: SqlStatementSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, sql.length]) {
    const statement = trimmed(sql, from, cut);
    if (statement !== null) statements.push(statement);
    from = cut + 1;
  }
  return statements;
}

/** The span between two cuts without surrounding whitespace, or null when nothing would run there. */
function trimmed(sql: string, from: number, to: number): SqlStatementSpan | null {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(sql[start] ?? '')) start++;
  while (end > start && /\s/.test(sql[end - 1] ?? '')) end--;
  const text = sql.slice(start, end);
  return onlyComments(text) ? null : { text, start, end };
}

/**
 * Whether the text holds nothing but whitespace and complete comments. An unterminated block
 * comment counts as something, so that PostgreSQL reports it rather than the step silently
 * skipping what the author may have meant as code.
 */
function onlyComments(text: string): boolean {
  let pos = 0;
  while (pos < text.length) {
    if (/\s/.test(text[pos] ?? '')) pos++;
    else if (text.startsWith('--', pos)) {
      const newline = text.indexOf('\n', pos);
      pos = newline === -1 ? text.length : newline + 1;
    } else if (text.startsWith('/*', pos)) {
      const end = blockCommentEnd(text, pos);
      if (end === null) return false;
      pos = end;
    } else return false;
  }
  return true;
}

/** Offset just after the end of the (nested) block comment opened at `start`, null when it is never closed. */
function blockCommentEnd(text: string, start: number): number | null {
  let depth = 0;
  let pos = start;
  while (pos < text.length) {
    if (text.startsWith('/*', pos)) [depth, pos] = [depth + 1, pos + 2];
    else if (text.startsWith('*/', pos)) {
      [depth, pos] = [depth - 1, pos + 2];
      if (depth === 0) return pos;
    } else pos++;
  }
  return null;
}
