/**
 * The small JSONPath subset webhook mappings use to say where things are in a payload: `$` (the
 * whole value), `.name`, `['any name']` (or double quotes), `[0]`. No filters, wildcards or
 * scripts: a mapping is user input, and it is read by hand, never evaluated.
 */

/** A member name (string) or an array index (number). */
export type JsonPathSegment = string | number;

/** A parsed path: its text, for messages, and its steps from the root. */
export interface JsonPath {
  readonly text: string;
  readonly segments: readonly JsonPathSegment[];
}

/** A path that does not parse: `offset` is where, in characters from its start. */
export class JsonPathSyntaxError extends Error {
  override readonly name = 'JsonPathSyntaxError';
  constructor(
    readonly text: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`bad JSONPath ${JSON.stringify(text)} at character ${offset + 1}: ${reason}`);
  }
}

/** RFC 9535's shorthand names: a letter, `_` or non-ASCII first, then digits too. */
const shorthandName = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/;
const index = /^(0|[1-9]\d{0,8})\]/;

/** Parses a path, or throws JsonPathSyntaxError saying where and why. */
export function parseJsonPath(text: string): JsonPath {
  if (!text.startsWith('$')) throw new JsonPathSyntaxError(text, 0, 'a path starts with $');
  const segments: JsonPathSegment[] = [];
  let at = 1;
  while (at < text.length) {
    const rest = text.slice(at);
    if (rest.startsWith('.')) {
      const name = shorthandName.exec(rest.slice(1))?.[0];
      if (name === undefined)
        throw new JsonPathSyntaxError(text, at + 1, "expected a name after '.' (write ['…'] for other names)");
      segments.push(name);
      at += 1 + name.length;
    } else if (rest.startsWith("['") || rest.startsWith('["')) {
      const { name, length } = readQuotedName(text, at + 1);
      segments.push(name);
      at += 1 + length;
    } else if (rest.startsWith('[')) {
      const digits = index.exec(rest.slice(1))?.[1];
      if (digits === undefined)
        throw new JsonPathSyntaxError(text, at + 1, "expected an index (0, 1…) or a quoted name after '['");
      segments.push(Number(digits));
      at += 1 + digits.length + 1;
    } else {
      throw new JsonPathSyntaxError(text, at, `unexpected ${JSON.stringify(text[at])}: expected '.' or '['`);
    }
  }
  return { text, segments };
}

/** A quoted name starting at `start` (its quote): `\\` and `\'`/`\"` escape; then `]` must follow. */
function readQuotedName(text: string, start: number): { name: string; length: number } {
  const quote = text[start];
  let name = '';
  let at = start + 1;
  while (at < text.length && text[at] !== quote) {
    if (text[at] === '\\') {
      const escaped = text[at + 1];
      if (escaped !== '\\' && escaped !== quote)
        throw new JsonPathSyntaxError(text, at, `only \\\\ and \\${quote} escapes are allowed in a quoted name`);
      name += escaped;
      at += 2;
    } else {
      name += text[at];
      at += 1;
    }
  }
  if (at >= text.length) throw new JsonPathSyntaxError(text, start, 'the quoted name is not closed');
  if (text[at + 1] !== ']') throw new JsonPathSyntaxError(text, at + 1, "expected ']' after the quoted name");
  return { name, length: at + 1 - start + 1 };
}

/**
 * The value at a path, or undefined if any step is missing. Names only match an object's own
 * members (never `__proto__` or `constructor` from its prototype), indexes only array items.
 */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path.segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment] as unknown;
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, segment))
        return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** The JSON Pointer of a path under `base` (a pointer), to name it in issues: `$.a[2]` → `/a/2`. */
export function jsonPathPointer(path: JsonPath, base = ''): string {
  const tokens = path.segments.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1'));
  const pointer = (base === '/' ? '' : base) + tokens.map((token) => `/${token}`).join('');
  return pointer === '' ? '/' : pointer;
}
