import { createHash } from 'node:crypto';
import type { Draft, RunbookStructure } from './runbook-model.js';

/** Lowercase hex SHA-256 of text (as UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted at every level and no whitespace: two equal values always give the
 * same text, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/**
 * The content hash of a runbook version. Positions in the source (`lines`, `line`) are left out:
 * they move when another runbook of the same file grows, and that is not a change of this one.
 */
export function runbookContentHash(structure: RunbookStructure): string {
  const { lines: _lines, ...rest } = structure;
  return sha256Hex(canonicalJson({
    ...rest,
    symptoms: structure.symptoms.map(({ line: _line, ...symptom }) => symptom),
    sections: structure.sections.map(({ lines: _sectionLines, ...section }) => ({
      ...section,
      steps: section.steps.map(({ lines: _stepLines, inlineSecrets, ...step }) => ({
        ...step,
        inlineSecrets: inlineSecrets.map(({ line: _secretLine, ...secret }) => secret),
      })),
    })),
  }));
}

/** The content hash of a draft: its kind, title and data (not where it was found). */
export function draftContentHash(draft: Draft): string {
  return sha256Hex(canonicalJson({ kind: draft.kind, title: draft.title, data: draft.data }));
}
