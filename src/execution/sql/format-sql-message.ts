/** The fields of a PostgreSQL error or notice that psql shows (pg's DatabaseError and NoticeMessage have them). */
export interface SqlMessageFields {
  message: string;
  severity?: string | undefined;
  detail?: string | undefined;
  hint?: string | undefined;
  /** 1-based character position in the statement, as a decimal string. */
  position?: string | undefined;
  /** Where in PL/pgSQL code or a function it happened. */
  where?: string | undefined;
}

/**
 * An error the way psql prints it with its default verbosity: `ERROR:  message`, then the line
 * of the statement with a caret under the position when the server gives one, then DETAIL, HINT
 * and CONTEXT. The statement is the text that ran, bind parameters as `$1`, so no value shows.
 * Errors without a severity (the connection dropped) are printed as their message.
 */
export function formatSqlError(error: SqlMessageFields, statement: string): string {
  if (error.severity === undefined) return `${error.message}\n`;
  let text = `${error.severity}:  ${error.message}\n`;
  text += positionLines(statement, Number(error.position ?? '0'));
  text += field('DETAIL', error.detail) + field('HINT', error.hint) + field('CONTEXT', error.where);
  return text;
}

/** A notice or warning (`RAISE NOTICE`, `there is already a transaction in progress`), as psql prints it. */
export function formatSqlNotice(notice: SqlMessageFields): string {
  return `${notice.severity ?? 'NOTICE'}:  ${notice.message}\n${field('DETAIL', notice.detail)}${field('HINT', notice.hint)}`;
}

function field(label: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `${label}:  ${value}\n`;
}

/** `LINE 2: WHERE x = 1` and a caret under the character at `position` (counted in code points). */
function positionLines(statement: string, position: number): string {
  const characters = [...statement];
  if (!Number.isInteger(position) || position < 1 || position > characters.length + 1) return '';
  const before = characters.slice(0, position - 1).join('');
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineNumber = before.split('\n').length;
  const lineEnd = statement.indexOf('\n', before.length);
  const line = statement.slice(lineStart, lineEnd === -1 ? statement.length : lineEnd).replace(/\t/g, ' ');
  const prefix = `LINE ${lineNumber}: `;
  return `${prefix}${line}\n${' '.repeat(prefix.length + [...before.slice(lineStart)].length)}^\n`;
}
