/** One lexical token of SQL; comments and whitespace are dropped. */
export interface SqlToken {
  /** `string` covers '…', E'…' and $tag$…$tag$; `quoted` is a "quoted identifier"; `meta` a psql `\d` line. */
  kind: 'word' | 'string' | 'quoted' | 'number' | 'punct' | 'meta';
  text: string;
  start: number;
  end: number;
}

/** A statement: its tokens and where it sits in the text (offsets, end exclusive, `;` included). */
export interface SqlStatementTokens {
  start: number;
  end: number;
  tokens: SqlToken[];
}

/**
 * Tokenises just enough SQL (PostgreSQL flavour) to find keywords: string literals, dollar quotes,
 * quoted identifiers and comments are skipped, so `WHERE action = 'DELETE'` deletes nothing.
 * Unterminated literals run to the end of the text rather than failing.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const char = sql[i] ?? '';
    const start = i;
    if (/\s/.test(char)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      i = endOf(sql.indexOf('\n', i), sql.length);
    } else if (sql.startsWith('/*', i)) {
      i = skipBlockComment(sql, i);
    } else if (char === '\\' && atLineStart(sql, i)) {
      i = endOf(sql.indexOf('\n', i), sql.length);
      tokens.push({ kind: 'meta', text: sql.slice(start, i), start, end: i });
    } else if (char === "'") {
      i = skipQuoted(sql, i, "'", /[Ee]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? ''));
      tokens.push({ kind: 'string', text: sql.slice(start, i), start, end: i });
    } else if (char === '"') {
      i = skipQuoted(sql, i, '"', false);
      tokens.push({ kind: 'quoted', text: sql.slice(start, i), start, end: i });
    } else if (char === '$' && /^\$(?:[A-Za-z_]\w*)?\$/.test(sql.slice(i))) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i))?.[0] ?? '$$';
      i = endOf(sql.indexOf(tag, i + tag.length), sql.length - tag.length) + tag.length;
      tokens.push({ kind: 'string', text: sql.slice(start, i), start, end: i });
    } else if (/[A-Za-z_\u00C0-\uFFFF]/.test(char)) {
      while (i < sql.length && /[\w$\u00C0-\uFFFF]/.test(sql[i] ?? '')) i++;
      tokens.push({ kind: 'word', text: sql.slice(start, i), start, end: i });
    } else if (/\d/.test(char)) {
      while (i < sql.length && /[\d.eE]/.test(sql[i] ?? '')) i++;
      tokens.push({ kind: 'number', text: sql.slice(start, i), start, end: i });
    } else {
      i++;
      tokens.push({ kind: 'punct', text: char, start, end: i });
    }
  }
  return tokens;
}

/** Splits tokens into statements at `;`; each psql meta-command (`\dt`) is a statement of its own. */
export function splitSqlStatements(tokens: readonly SqlToken[]): SqlStatementTokens[] {
  const statements: SqlStatementTokens[] = [];
  let current: SqlToken[] = [];
  const close = (end: number): void => {
    const first = current[0];
    if (first !== undefined) statements.push({ start: first.start, end, tokens: current });
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'meta') {
      close(current[current.length - 1]?.end ?? token.start);
      current = [token];
      close(token.end);
    } else if (token.kind === 'punct' && token.text === ';') {
      close(token.end);
    } else {
      current.push(token);
    }
  }
  close(current[current.length - 1]?.end ?? 0);
  return statements;
}

function atLineStart(sql: string, index: number): boolean {
  for (let i = index - 1; i >= 0 && sql[i] !== '\n'; i--) if (sql[i] !== ' ' && sql[i] !== '\t') return false;
  return true;
}

function endOf(index: number, fallback: number): number {
  return index === -1 ? fallback : index;
}

/** PostgreSQL block comments nest. */
function skipBlockComment(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** Index after a quoted section; a doubled quote is an escaped quote; E'…' also allows backslashes. */
function skipQuoted(sql: string, from: number, quote: string, backslashes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const char = sql[i];
    if (backslashes && char === '\\') i += 2;
    else if (char === quote && sql[i + 1] === quote) i += 2;
    else if (char === quote) return i + 1;
    else i++;
  }
  return sql.length;
}
