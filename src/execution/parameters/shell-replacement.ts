import { parameterEnvName } from './parameter-environment.js';
import type { NestedCode } from './nested-shell.js';
import type { OccurrenceInput, PlacedOccurrence } from './place-occurrences.js';
import type { ShellContext, ShellQuoting } from './shell-frames.js';
import { scanShellContexts } from './shell-scanner.js';
import { unsafeParameter } from './unsafe-parameter.js';

/**
 * The text that replaces one placeholder: a reference to the parameter's environment variable,
 * quoted for the place it is in. The value itself never becomes shell text; bash does not parse
 * the result of an expansion again, so a reference cannot run anything — except where another
 * shell parses the text (`ssh`, `bash -c`, `eval`), which is why those get a `printf %q` quoting.
 */
export function shellReplacement({ name, occurrence }: PlacedOccurrence, context: ShellContext): string {
  const { quoting } = context;
  if (quoting === 'comment') return occurrence.raw;
  const variable = parameterEnvName(name);
  const env = occurrence.form === 'env';
  const expression = env ? renamedExpansion(occurrence.raw, variable) : `\${${variable}}`;
  // `'$TOKEN'` is literal here; a shell that expands it later (`bash -c '…$TOKEN'`) reads the
  // variable from its environment, never the value as code. Renaming keeps that working.
  if (env && (quoting === 'single' || quoting === 'ansi-c' || quoting === 'quoted-heredoc')) return expression;
  if (quoting === 'quoted-heredoc') {
    throw unsafeParameter(
      name,
      occurrence.line,
      `${occurrence.raw} is inside a quoted heredoc (<<'EOF'), whose body is passed on verbatim; use an unquoted delimiter (<<EOF)`,
    );
  }
  if (context.nestedOuter !== null) {
    throw unsafeParameter(
      name,
      occurrence.line,
      `${occurrence.raw} ends up in output that ${context.nestedOuter} runs as code`,
    );
  }
  // Only digits reach an arithmetic context (the rewriter adds a guard), so no quoting is needed there.
  if (quoting === 'arithmetic') return expression;
  if (context.nested !== null && !context.integerOnly)
    return nestedReplacement(name, occurrence, context.nested, expression, quoting);
  return inContext(expression, quoting);
}

type PlainQuoting = Exclude<ShellQuoting, 'comment' | 'quoted-heredoc' | 'arithmetic'>;

/**
 * For code another shell parses: `printf %q` quotes the value for that shell (it receives
 * `x\;\ rm\ …`, one literal word). Inside the inner shell's own quotes (`ssh h "grep '<p>' f"`)
 * the inner quote is closed around it; anything subtler is refused.
 */
function nestedReplacement(
  name: string,
  occurrence: OccurrenceInput,
  nested: NestedCode,
  expression: string,
  quoting: PlainQuoting,
): string {
  const innerQuote = innerQuoteOf(nested);
  if (innerQuote === null) {
    throw unsafeParameter(
      name,
      occurrence.line,
      `${occurrence.raw} is code for ${nested.interpreter}, inside a construct of that shell we cannot quote for; move it out of it`,
    );
  }
  const quoted = `$(printf %q "${expression}")`;
  // The inner quote characters must reach the inner shell literally, so each outer context escapes them its own way.
  const unquoted = innerQuote === '' ? `"${quoted}"` : `\\${innerQuote}"${quoted}"\\${innerQuote}`;
  switch (quoting) {
    case 'unquoted':
      return unquoted;
    case 'double':
      return innerQuote === '"' ? `\\"${quoted}\\"` : `${innerQuote}${quoted}${innerQuote}`;
    case 'heredoc':
      return `${innerQuote}${quoted}${innerQuote}`;
    case 'single':
      return `'${unquoted}'`;
    case 'ansi-c':
      return `'${unquoted}$'`;
  }
}

/**
 * How the inner shell reads the text at the placeholder: unquoted (`''`), inside its single or
 * double quotes, or something else (null: arithmetic, `$'…'`, a third shell …).
 */
export function innerQuoteOf(nested: NestedCode): '' | "'" | '"' | null {
  const prefix = nested.innerPrefix;
  const inner = scanShellContexts(prefix, [{ start: prefix.length, end: prefix.length }])[0];
  if (inner === undefined || inner.integerOnly || inner.nested !== null || inner.nestedOuter !== null) return null;
  return inner.quoting === 'unquoted' ? '' : inner.quoting === 'single' ? "'" : inner.quoting === 'double' ? '"' : null;
}

/** `$TOKEN` → `${ASTREINTE_P_TOKEN}`, `${REGION:-eu}` → `${ASTREINTE_P_REGION:-eu}`. */
function renamedExpansion(raw: string, variable: string): string {
  const match = /^\$(\{)?[A-Za-z_]\w*/.exec(raw);
  if (match === null) throw new Error(`${JSON.stringify(raw)} is not a variable expansion`);
  return match[1] === undefined ? `\${${variable}}` : `\${${variable}${raw.slice(match[0].length)}`;
}

/** Puts a (double-quotable) expansion in place, closing and reopening the surrounding quotes. */
function inContext(expansion: string, quoting: PlainQuoting): string {
  switch (quoting) {
    case 'unquoted':
      // Quoted so the value is one word: no splitting on spaces, no globbing of `*`.
      return `"${expansion}"`;
    case 'double':
    case 'heredoc':
      return expansion;
    case 'single':
      return `'"${expansion}"'`;
    case 'ansi-c':
      return `'"${expansion}"$'`;
  }
}
