/**
 * Quoting of values for display in shell code. These strings are for human eyes (dry runs,
 * approvals); the executed code never contains values, only variable references.
 */

/** `it's` → `'it'\''s'`: one shell word whatever the value holds. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The text to write inside `'…'` for this value (a `'` closes, escapes, and reopens). */
export function insideSingleQuotes(value: string): string {
  return value.replace(/'/g, `'\\''`);
}

/** The text to write inside `"…"`: `$`, backquote, `"` and `\` are escaped. */
export function insideDoubleQuotes(value: string): string {
  return value.replace(/[$`"\\]/g, '\\$&');
}

/** The text to write in an unquoted heredoc body: `$`, backquote and `\` are escaped. */
export function insideHeredoc(value: string): string {
  return value.replace(/[$`\\]/g, '\\$&');
}

/** The text to write inside `$'…'`. */
export function insideAnsiC(value: string): string {
  return value.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}
