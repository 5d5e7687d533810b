export interface TableOptions {
  /** Longest text per column (by index); longer cells are cut with `…`. The last column is never padded. */
  maxWidths?: (number | undefined)[];
  /** Spaces between columns. */
  gap?: number;
}

/**
 * Aligned plain-text columns, headers first. Newlines and tabs inside cells become spaces so one
 * row stays one line (titles and notes are free text); trailing spaces are trimmed.
 */
export function formatTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const gap = ' '.repeat(options.gap ?? 2);
  const cells = [headers, ...rows].map((row) =>
    headers.map((_, column) => fitCell(row[column] ?? '', options.maxWidths?.[column])),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...row[column]!].length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : padEnd(cell, widths[column]!)))
        .join(gap)
        .trimEnd(),
    )
    .join('\n');
}

function fitCell(value: string, maxWidth: number | undefined): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ');
  const characters = [...flat];
  if (maxWidth === undefined || characters.length <= maxWidth) return flat;
  return `${characters.slice(0, Math.max(0, maxWidth - 1)).join('')}…`;
}

// Counted in code points, not UTF-16 units, so accented titles and `…` line up.
function padEnd(value: string, width: number): string {
  return value + ' '.repeat(Math.max(0, width - [...value].length));
}

/** `label: value` lines with the values aligned. */
export function formatFields(fields: [label: string, value: string][]): string {
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  return fields.map(([label, value]) => `${padEnd(`${label}:`, width)} ${value}`.trimEnd()).join('\n');
}
