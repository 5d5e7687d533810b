import { AppError, validationError, type FieldIssue } from '../../core/app-error.js';

/**
 * Small checks every alert parser shares. Parsers collect issues rather than stop at the first, so
 * a sender learns every mistake of a batch in one answer; paths are JSON Pointers into the body.
 */

/** The most alerts one request may carry: more is refused whole, before any work per alert. */
export const maxAlertsPerBatch = 10_000;

/** The longest dedup key accepted (PagerDuty's limit on `dedup_key`): keys are stored and indexed. */
export const maxDedupKeyLength = 255;

/** Titles are one line and bounded, whatever the sender wrote (PagerDuty's summary limit). */
export const maxTitleLength = 1024;

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON Pointer of a child: `~` and `/` in keys are escaped as RFC 6901 says. */
export function childPath(path: string, key: string | number): string {
  const token = typeof key === 'number' ? String(key) : key.replaceAll('~', '~0').replaceAll('/', '~1');
  return `${path === '/' ? '' : path}/${token}`;
}

/** Appends an issue; the whole body is `/`, as elsewhere in the API. */
export function addIssue(issues: FieldIssue[], path: string, message: string): void {
  issues.push({ path: path === '' ? '/' : path, message });
}

/** Throws one validation error naming every issue, if there is any. */
export function throwIfIssues(what: string, issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  const shown = issues
    .slice(0, 5)
    .map((issue) => `${issue.path} ${issue.message}`)
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw validationError(`invalid ${what}: ${shown}${more}`, issues);
}

/** Throws a validation error with one issue: for a body of the wrong shape altogether. */
export function throwIssue(what: string, path: string, message: string): never {
  const issues: FieldIssue[] = [];
  addIssue(issues, path, message);
  throw validationError(`invalid ${what}: ${issues[0]?.path ?? '/'} ${message}`, issues);
}

/** Refuses a batch above `maxAlertsPerBatch` as too large (413), not as malformed. */
export function assertBatchSize(count: number): void {
  if (count > maxAlertsPerBatch) {
    throw new AppError('payload_too_large', `at most ${maxAlertsPerBatch} alerts per request, got ${count}`, {
      limit: maxAlertsPerBatch,
      count,
    });
  }
}

/**
 * An optional string field: absent and JSON null are both "not said" (Go decoders treat null so);
 * anything else but a string is an issue.
 */
export function readOptionalString(
  object: Record<string, unknown>,
  key: string,
  path: string,
  issues: FieldIssue[],
): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  addIssue(issues, childPath(path, key), 'must be a string');
  return undefined;
}

/** `map[name] = value`, except that `__proto__` (a valid label name) becomes a key, not a prototype. */
export function setEntry(map: Record<string, string>, name: string, value: string): void {
  // defineProperty for every key would be several times slower on the hot path.
  if (name === '__proto__')
    Object.defineProperty(map, name, { value, enumerable: true, writable: true, configurable: true });
  else map[name] = value;
}

/** A required string field that must say something: the non-blank text, or undefined and an issue. */
export function readRequiredString(
  object: Record<string, unknown>,
  key: string,
  path: string,
  issues: FieldIssue[],
): string | undefined {
  const value = object[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  const blank = value === undefined || value === null || typeof value === 'string';
  addIssue(issues, childPath(path, key), blank ? 'is missing or blank' : 'must be a string');
  return undefined;
}

/**
 * A map of strings to strings (annotations, labels), each bad entry its own issue. `nameProblem`
 * says what is wrong with a key, if anything.
 */
export function readStringMap(
  value: unknown,
  path: string,
  issues: FieldIssue[],
  nameProblem: (name: string) => string | null = () => null,
): Record<string, string> | undefined {
  if (!isRecord(value)) {
    addIssue(issues, path, 'must be an object of names to strings');
    return undefined;
  }
  const map: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value)) {
    const problem = nameProblem(name);
    if (problem !== null) addIssue(issues, childPath(path, name), problem);
    else if (typeof entry !== 'string') addIssue(issues, childPath(path, name), 'must be a string');
    else setEntry(map, name, entry);
  }
  return map;
}

/** A title fit for a list: whitespace runs (newlines too) made one space, bounded in length. */
export function toTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > maxTitleLength ? `${line.slice(0, maxTitleLength - 1)}…` : line;
}

/** The text if it says something, else undefined: lets `??` skip empty annotations. */
export function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
