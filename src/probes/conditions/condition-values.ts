/**
 * How observed values are read and compared. Observed values are whatever a check produced
 * (numbers, strings, booleans, null, arrays, objects, a JSON body as text), so every helper
 * here accepts `unknown` and none throws: a condition that cannot be decided fails, it does
 * not break the probe run.
 */
import type { ObservedValues } from '../probe-model.js';
import type { PathSegment } from './condition-syntax.js';

/** A value read for a placeholder; `note` says why it is absent when that is not obvious. */
export interface ResolvedValue {
  value: unknown;
  note?: string;
}

/** A decimal number as text, possibly with an exponent and surrounding spaces (`" 42 "`, `"1.5e3"`). */
const numericText = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

// The last body parsed: the conditions of one probe usually read the same body several times.
let lastParsed: { text: string; value: unknown } | null = null;

/** `values[name]` and then its path; a string met while a path remains is read as JSON first. */
export function resolvePlaceholder(values: ObservedValues, name: string, path: readonly PathSegment[]): ResolvedValue {
  let value: unknown = Object.hasOwn(values, name) ? values[name] : undefined;
  for (const [index, segment] of path.entries()) {
    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) return { value: undefined, note: `${describePath(name, path.slice(0, index))} is not JSON` };
      value = parsed.value;
    }
    value = readMember(value, segment);
    if (value === undefined) return { value };
  }
  return { value };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (lastParsed?.text === text) return { ok: true, value: lastParsed.value };
  try {
    const value: unknown = JSON.parse(text);
    lastParsed = { text, value };
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** One step: own members only (a body's `constructor` or `__proto__` is not JavaScript's). */
function readMember(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value)) {
    const index = typeof segment === 'number' ? segment : /^\d{1,9}$/.test(segment) ? Number(segment) : -1;
    return index >= 0 && index < value.length ? (value[index] as unknown) : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const key = String(segment);
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** `[NAME].a[0]`, for messages. */
export function describePath(name: string, path: readonly PathSegment[]): string {
  return (
    `[${name}]` +
    path
      .map((segment) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : /^[\p{L}\p{N}_-]+$/u.test(segment)
            ? `.${segment}`
            : `[${JSON.stringify(segment)}]`,
      )
      .join('')
  );
}

/** Null and absent (undefined) are the same to conditions: both equal only `null`. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** A number, or a numeric string converted; null for anything else (including NaN). */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && numericText.test(value)) return Number(value);
  return null;
}

/** Text for string comparisons: strings as they are, structures as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  // What JSON cannot write (a cycle, a bigint inside) is `String`'s, as primitives are.
  const json = typeof value === 'object' && value !== null ? safeJson(value) : undefined;
  return json ?? String(value);
}

/**
 * `==`: numbers (and a number against a numeric string) compare as numbers, so `[STATUS] ==
 * "200"` and `$.version == 1.0` hold; booleans compare with booleans; null and absent equal
 * only each other; anything else compares as text.
 */
export function valuesEqual(left: unknown, right: unknown): boolean {
  if (isAbsent(left) || isAbsent(right)) return isAbsent(left) && isAbsent(right);
  const leftIsNumber = typeof left === 'number' || typeof left === 'bigint';
  const rightIsNumber = typeof right === 'number' || typeof right === 'bigint';
  if ((leftIsNumber && (rightIsNumber || typeof right === 'string')) || (rightIsNumber && typeof left === 'string')) {
    const [a, b] = [toNumber(left), toNumber(right)];
    if (a !== null && b !== null) return a === b;
  }
  if (typeof left === 'boolean' && typeof right === 'boolean') return left === right;
  return textOf(left) === textOf(right);
}

/**
 * `contains`: a substring of a string (or of a number's or boolean's text), an element of an
 * array (equal as `==` says), a key of an object. Nothing is in an absent value.
 * `needle` is the text to look for in strings and keys (a number literal's text as written).
 */
export function containsValue(haystack: unknown, wanted: unknown, needle: string): boolean {
  if (isAbsent(haystack) || wanted === undefined) return false;
  if (Array.isArray(haystack)) return haystack.some((element) => valuesEqual(element, wanted));
  if (typeof haystack === 'object') return Object.hasOwn(haystack, needle);
  return textOf(haystack).includes(needle);
}

/** The text a pattern is tested against, or null for absent values (which match nothing). */
export function patternSubject(value: unknown): string | null {
  return isAbsent(value) ? null : textOf(value);
}

/** A value as shown in a detail: `503`, `"PONG"`, `absent`, `{"a":1}`, long ones cut. */
export function formatValue(value: unknown, note?: string): string {
  if (value === undefined) return note === undefined ? 'absent' : `absent: ${note}`;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string')
    return cut(JSON.stringify(value.length > 100 ? value.slice(0, 100) : value), value.length > 100);
  if (typeof value === 'object' && value !== null) {
    const json = textOf(value);
    return cut(json.slice(0, 100), json.length > 100);
  }
  return textOf(value);
}

/** A number without float noise (`0.9100000000000001` shows as `0.91`); integers as they are. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) || !Number.isFinite(value) ? String(value) : String(Number(value.toPrecision(10)));
}

function cut(text: string, wasCut: boolean): string {
  return wasCut ? `${text}…` : text;
}

function safeJson(value: object): string | undefined {
  try {
    return JSON.stringify(value, (_key, member: unknown) => (typeof member === 'bigint' ? member.toString() : member));
  } catch {
    // A cycle: nothing a check produces, but evaluation must not throw.
    return undefined;
  }
}
