/** A column of a query result: its name and PostgreSQL type oid (which sets its alignment). */
export interface SqlColumn {
  name: string;
  dataTypeID: number;
}

/** A row as PostgreSQL sends it in text format; null for SQL NULL. */
export type SqlTextRow = readonly (string | null)[];

// psql right-aligns these (print.c, column_type_alignment): int2, int4, oid, xid, cid, int8,
// float4, float8, money, numeric, xid8.
const numericTypes = new Set([21, 23, 26, 28, 29, 20, 700, 701, 790, 1700, 5069]);

/**
 * A query result the way `psql` prints it in its default aligned format: centred headers, a
 * `---+---` separator, numbers right-aligned, NULL as nothing, multi-line values continued with `+`
 * on the next lines, then `(N rows)` and a blank line. `rowCount` may exceed `rows.length` when
 * only the first rows were kept. Widths count code points, so wide characters misalign (psql
 * measures display width).
 */
export function formatSqlTable(columns: readonly SqlColumn[], rows: readonly SqlTextRow[], rowCount: number): string {
  const footer = `(${rowCount} ${rowCount === 1 ? 'row' : 'rows'})\n\n`;
  if (columns.length === 0) return `--\n${footer}`;
  const cells = rows.map((row) => columns.map((_, index) => (row[index] ?? '').split('\n')));
  // Loops, not Math.max(...rows): a spread of many thousand rows overflows the call stack.
  const widths = columns.map((column) => length(column.name));
  for (const row of cells) {
    row.forEach((cell, index) => {
      for (const part of cell) widths[index] = Math.max(widths[index] ?? 0, length(part));
    });
  }
  const header = columns.map((column, index) => ` ${centred(column.name, widths[index] ?? 0)} `).join('|');
  const separator = widths.map((width) => '-'.repeat(width + 2)).join('+');
  const lines = [header, separator];
  for (const row of cells) {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let line = 0; line < height; line++) lines.push(rowLine(columns, widths, row, line));
  }
  return `${lines.join('\n')}\n${footer}`;
}

/** One printed line of a row: line `line` of each cell, `+` where a cell goes on below. */
function rowLine(
  columns: readonly SqlColumn[],
  widths: readonly number[],
  row: readonly string[][],
  line: number,
): string {
  let text = '';
  columns.forEach((column, index) => {
    const cell = row[index] ?? [''];
    const width = widths[index] ?? 0;
    const last = index === columns.length - 1;
    const part = cell[line];
    const continues = line < cell.length - 1;
    const right = numericTypes.has(column.dataTypeID);
    text += ' ';
    // The last column is not padded on the right unless a `+` follows, as psql does.
    if (part === undefined) text += last ? '' : ' '.repeat(width);
    else if (right) text += ' '.repeat(width - length(part)) + part;
    else text += last && !continues ? part : part + ' '.repeat(width - length(part));
    if (last) text += continues ? '+' : '';
    else text += `${continues ? '+' : ' '}|`;
  });
  return text;
}

function centred(text: string, width: number): string {
  const room = width - length(text);
  const left = Math.floor(room / 2);
  return ' '.repeat(left) + text + ' '.repeat(room - left);
}

function length(text: string): number {
  return [...text].length;
}

/**
 * What psql prints after a statement: the command tag (`UPDATE 3`, `CREATE TABLE`) for one that
 * returns no rows; for INSERT, UPDATE, DELETE or MERGE with RETURNING, the tag after the table.
 */
export function commandTagLine(tag: string, returnedRows: boolean): string {
  if (tag === '') return '';
  if (returnedRows && !/^(INSERT|UPDATE|DELETE|MERGE)\b/.test(tag)) return '';
  return `${tag}\n`;
}
