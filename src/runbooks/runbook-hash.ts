import { createHash } from 'node:crypto';
import type { Draft, RunbookStructure } from './runbook-model.js';

/** Lowercase hex SHA-256 of text (as UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted at every level and no whitespace: two equal values always give the
 * same text, whatever order their keys were built in. Written directly rather than by sorting a
 * copy and calling `JSON.stringify` on it (each import hashes every runbook and draft): the text is
 * the same, character for character, so stored content hashes keep matching.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return JSON.stringify(value);
  return write(value);
}

/** One value that is not left out: primitives as `JSON.stringify` writes them, containers sorted. */
function write(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (index > 0) text += ',';
      // As in JSON.stringify: what an object would leave out becomes null in an array.
      text += item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : write(item);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of sortedKeys(record)) {
    const item = record[key];
    if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol')
      members.push(`${JSON.stringify(key)}:${write(item)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * Keys in sorted order, as an object built with them in that order lists them: array-index keys
 * (`"2"`, `"10"`) always come first, in numeric order; `Object.keys` lists them so already.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indexes = 0;
  while (indexes < keys.length && isArrayIndex(keys[indexes]!)) indexes += 1;
  return indexes === 0 ? keys.sort() : [...keys.slice(0, indexes), ...keys.slice(indexes).sort()];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * The content hash of a runbook version. Positions in the source (`lines`, `line`) are left out:
 * they move when another runbook of the same file grows, and that is not a change of this one.
 */
export function runbookContentHash(structure: RunbookStructure): string {
  // `canonicalJson` leaves out members set to undefined, as it does those absent.
  return sha256Hex(
    canonicalJson({
      ...structure,
      lines: undefined,
      symptoms: structure.symptoms.map((symptom) => ({ ...symptom, line: undefined })),
      sections: structure.sections.map((section) => ({
        ...section,
        lines: undefined,
        steps: section.steps.map((step) => ({
          ...step,
          lines: undefined,
          inlineSecrets: step.inlineSecrets.map((secret) => ({ ...secret, line: undefined })),
        })),
      })),
    }),
  );
}

/** The content hash of a draft: its kind, title and data (not where it was found). */
export function draftContentHash(draft: Draft): string {
  return sha256Hex(canonicalJson({ kind: draft.kind, title: draft.title, data: draft.data }));
}
