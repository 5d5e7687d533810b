import { placeOccurrences, type OccurrenceInput, type ParameterInput } from './place-occurrences.js';
import { rewriteShellStep } from './rewrite-shell-step.js';
import type { ShellContext } from './shell-frames.js';
import { innerQuoteOf } from './shell-replacement.js';
import { insideAnsiC, insideDoubleQuotes, insideHeredoc, insideSingleQuotes, shellQuote } from './shell-quote.js';
import { scanShellContexts } from './shell-scanner.js';

/** How a secret value is shown. */
export const maskedValue = '••••••';

/**
 * The step's command as it would run, with each value written in place and quoted for where it
 * stands (`'x; rm -rf /tmp/t'` unquoted, escaped inside double quotes …) and secrets shown as
 * `'••••••'`. For the approver's and the dry run's eyes only: it is never executed (the real run
 * passes values through the environment). Throws, like `rewriteShellStep`, when the step could not
 * run safely, so a dry run shows the same refusal the run would.
 */
export function renderDryRun(
  code: string,
  parameters: readonly ParameterInput[],
  values: Readonly<Record<string, string | undefined>>,
  secretNames: Iterable<string>,
): string {
  rewriteShellStep(code, parameters);
  const secrets = new Set(secretNames);
  const placed = placeOccurrences(code, parameters);
  const contexts = scanShellContexts(
    code,
    placed.map(({ occurrence }) => occurrence),
  );
  let rendered = '';
  let cursor = 0;
  placed.forEach(({ name, occurrence }, index) => {
    const context = contexts[index];
    const value = values[name];
    const shown = secrets.has(name) && value !== undefined ? maskedValue : value;
    rendered +=
      code.slice(cursor, occurrence.start) +
      (context === undefined ? occurrence.raw : displayed(occurrence, shown, context));
    cursor = occurrence.end;
  });
  return rendered + code.slice(cursor);
}

function displayed(occurrence: OccurrenceInput, value: string | undefined, context: ShellContext): string {
  if (context.quoting === 'comment') return occurrence.raw;
  // An unset (or, for `:-`, empty) variable keeps its own default: show the expansion as written.
  if (occurrence.form === 'env' && (value === undefined || (value === '' && /^\$\{\w+:/.test(occurrence.raw))))
    return occurrence.raw;
  if (
    occurrence.form === 'env' &&
    (context.quoting === 'single' || context.quoting === 'ansi-c' || context.quoting === 'quoted-heredoc')
  ) {
    return occurrence.raw;
  }
  let text = value ?? '';
  const quoting = context.quoting;
  const innerQuote = context.nested === null || context.integerOnly ? null : innerQuoteOf(context.nested);
  if (innerQuote !== null) {
    // Code for another shell (`ssh host "restart <svc>"`): show what that shell receives, one quoted word.
    text = `${innerQuote}${shellQuote(text)}${innerQuote}`;
    if (quoting === 'unquoted') return `"${insideDoubleQuotes(text)}"`;
  }
  switch (quoting) {
    case 'unquoted':
      return shellQuote(text);
    case 'double':
      return insideDoubleQuotes(text);
    case 'single':
      return insideSingleQuotes(text);
    case 'ansi-c':
      return insideAnsiC(text);
    case 'heredoc':
      return insideHeredoc(text);
    case 'quoted-heredoc':
      return text;
    case 'arithmetic':
      return /^-?\d+$/.test(text) ? text : shellQuote(text);
  }
}
