import { placeOccurrences, type ParameterInput } from '../parameters/place-occurrences.js';
import { maskedValue } from '../parameters/render-dry-run.js';
import { scanSqlContexts, type SqlContext } from '../parameters/sql-contexts.js';

/**
 * The SQL of a step as it would run, each value written in place as a SQL literal (`'O''Brien'`),
 * or escaped inside the literal that holds the placeholder (`'%O''Brien%'`, backslashes doubled in
 * `E'…'`), secrets shown as `'••••••'`; placeholders in comments stay as written. For the
 * approver's and the timeline's eyes only: the run binds the values as parameters, never as text.
 * Call it after `rewriteSqlStep` accepted the step, which refuses the placeholders this cannot show.
 */
export function renderSqlPreview(
  code: string,
  parameters: readonly ParameterInput[],
  values: Readonly<Record<string, string | undefined>>,
  secretNames: Iterable<string>,
): string {
  const secrets = new Set(secretNames);
  const placed = placeOccurrences(code, parameters);
  const { contexts } = scanSqlContexts(
    code,
    placed.map(({ occurrence }) => occurrence),
  );
  let rendered = '';
  let cursor = 0;
  placed.forEach(({ name, occurrence }, index) => {
    const value = values[name];
    const shown = value !== undefined && secrets.has(name) ? maskedValue : value;
    const context = contexts[index];
    rendered +=
      code.slice(cursor, occurrence.start) +
      (shown === undefined || context === undefined ? occurrence.raw : displayed(shown, context, occurrence.raw));
    cursor = occurrence.end;
  });
  return rendered + code.slice(cursor);
}

/** A standard-conforming string literal: quotes doubled, backslashes as they are. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function displayed(value: string, context: SqlContext, raw: string): string {
  switch (context.kind) {
    case 'code':
      return sqlLiteral(value);
    case 'string': {
      const inside = value.replace(/'/g, "''");
      return /^[Ee]$/.test(context.literal.prefix) ? inside.replace(/\\/g, '\\\\') : inside;
    }
    case 'comment':
    case 'unsupported':
      return raw;
  }
}
