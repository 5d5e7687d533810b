import { AppError } from '../../core/app-error.js';
import { placeOccurrences, type ParameterInput, type PlacedOccurrence } from './place-occurrences.js';
import { scanSqlContexts, type SqlLiteral } from './sql-contexts.js';
import { unsafeParameter } from './unsafe-parameter.js';

/** SQL with `$1, $2 …` bind parameters; `order[i]` is the parameter bound to `$(i + 1)`. */
export interface SqlRewrite {
  text: string;
  order: string[];
}

/**
 * Rewrites a SQL step so that every placeholder becomes a bind parameter, never text: `<id>` →
 * `$1`; a literal that is only a placeholder (`'{{ id }}'`) → `$1`; a placeholder inside a longer
 * literal → a concatenation (`'pre-{{ x }}'` → `('pre-' || $1::text)`). A name used twice is bound
 * once. Placeholders in comments are left alone; inside quoted identifiers, dollar-quoted bodies,
 * bit or Unicode strings a value cannot be bound, which is refused with a validation AppError.
 */
export function rewriteSqlStep(sql: string, parameters: readonly ParameterInput[]): SqlRewrite {
  const placed = placeOccurrences(sql, parameters);
  const { contexts, positional } = scanSqlContexts(
    sql,
    placed.map(({ occurrence }) => occurrence),
  );
  const order: string[] = [];
  const bind = (name: string): string => {
    const index = order.includes(name) ? order.indexOf(name) : order.push(name) - 1;
    return `$${index + 1}`;
  };
  if (positional && contexts.some((context) => context.kind !== 'comment')) {
    throw new AppError(
      'validation_failed',
      'The SQL step already uses $1-style parameters; it cannot also take placeholders',
      {
        issues: [{ path: '/parameters', message: 'the statement already uses $1-style parameters' }],
      },
    );
  }
  let text = '';
  let cursor = 0;
  for (let i = 0; i < placed.length; i++) {
    const item = placed[i] as PlacedOccurrence;
    const context = contexts[i];
    if (context === undefined || context.kind === 'comment') continue;
    if (context.kind === 'unsupported') {
      throw unsafeParameter(
        item.name,
        item.occurrence.line,
        `${item.occurrence.raw} is inside ${context.what}, where a value cannot be bound`,
      );
    }
    if (context.kind === 'code') {
      text += sql.slice(cursor, item.occurrence.start) + bind(item.name);
      cursor = item.occurrence.end;
      continue;
    }
    // Every placeholder of the same literal is rewritten together.
    const inLiteral: PlacedOccurrence[] = [];
    for (let j = i; j < placed.length; j++) {
      const other = contexts[j];
      if (other?.kind !== 'string' || other.literal !== context.literal) break;
      inLiteral.push(placed[j] as PlacedOccurrence);
    }
    i += inLiteral.length - 1;
    text += sql.slice(cursor, context.literal.start) + literalReplacement(sql, context.literal, inLiteral, bind);
    cursor = context.literal.end;
  }
  return { text: text + sql.slice(cursor), order };
}

/** `'a{{x}}b'` → `('a' || $1::text || 'b')`; `'{{x}}'` → `$1`, which PostgreSQL types like the literal. */
function literalReplacement(
  sql: string,
  literal: SqlLiteral,
  items: readonly PlacedOccurrence[],
  bind: (name: string) => string,
): string {
  const bodyEnd = literal.closed ? literal.end - 1 : literal.end;
  const pieces: string[] = [];
  const text = (from: number, to: number, item: PlacedOccurrence | null): void => {
    const segment = sql.slice(from, to);
    // Cutting `E'a\` before a placeholder would turn the backslash into an escape of the closing quote.
    if (/^[Ee]$/.test(literal.prefix) && /(?:^|[^\\])(?:\\\\)*\\$/.test(segment) && item !== null) {
      throw unsafeParameter(
        item.name,
        item.occurrence.line,
        `${item.occurrence.raw} follows a backslash escape in an E'…' string`,
      );
    }
    if (segment !== '') pieces.push(`${literal.prefix}'${segment}'`);
  };
  let at = literal.bodyStart;
  for (const item of items) {
    text(at, item.occurrence.start, item);
    pieces.push(`${bind(item.name)}::text`);
    at = item.occurrence.end;
  }
  text(at, bodyEnd, null);
  if (pieces.length === 1 && items.length === 1) return (pieces[0] ?? '').replace(/::text$/, '');
  return `(${pieces.join(' || ')})`;
}

/** The values to bind, in `order`; a missing value binds as SQL NULL. */
export function sqlBindValues(
  order: readonly string[],
  values: Readonly<Record<string, string | undefined>>,
): (string | null)[] {
  return order.map((name) => values[name] ?? null);
}
