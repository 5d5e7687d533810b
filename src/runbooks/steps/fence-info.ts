import { isStepLanguage, stepLanguageAliases } from './step-languages.js';
import type { BlockKind } from './step-types.js';

/** What the fence info string says about a block. */
export interface FenceInfo {
  /** Normalised language, null when the fence had none. */
  language: string | null;
  /** The language as written, lowercased (`console` matters: its unprompted lines are output). */
  rawLanguage: string | null;
  attributes: Record<string, string>;
  name: string | null;
}

/** Normalises a fence language: an alias of `stepLanguageTable` → its language (`bash` → `shell`), others lowercased as is. */
export function normalizeLanguage(lang: string | null | undefined): string | null {
  const word = (lang ?? '').trim().toLowerCase();
  if (word === '') return null;
  return stepLanguageAliases.get(word) ?? word;
}

/** Blocks of the step languages (shell, SQL) are executable; everything else (YAML, JSON, PromQL …) is config. */
export function blockKindOf(language: string | null): BlockKind {
  return isStepLanguage(language) ? language : 'config';
}

/**
 * Reads a fence's language and Runme-style attributes. Accepts mdast's split (`lang` + `meta`) or the
 * whole info string in `lang` (`sh {"name":"restart-redis"}`), since callers differ.
 */
export function parseFenceInfo(lang: string | null | undefined, meta: string | null | undefined): FenceInfo {
  const info = `${lang ?? ''} ${meta ?? ''}`.trim();
  const split = /^([^\s{]*)\s*(.*)$/s.exec(info);
  const word = split?.[1] ?? '';
  const attributes = parseAttributes(split?.[2] ?? '');
  const name = attributes['name']?.trim() ?? '';
  return {
    language: normalizeLanguage(word),
    rawLanguage: word === '' ? null : word.toLowerCase(),
    attributes,
    name: name === '' ? null : name,
  };
}

/** Parses `{"name":"x","excludeFromRunAll":"true"}` (Runme, JSON) or `{ name=x interactive=false }`. */
export function parseAttributes(meta: string): Record<string, string> {
  const text = meta.trim();
  if (text === '') return {};
  const braced = /\{[\s\S]*\}/.exec(text)?.[0];
  if (braced !== undefined) {
    const fromJson = parseJsonObject(braced);
    if (fromJson !== null) return fromJson;
  }
  return parsePairs(braced === undefined ? text : braced.slice(1, -1));
}

function parseJsonObject(text: string): Record<string, string> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const attributes: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    attributes[key] = typeof item === 'object' ? JSON.stringify(item) : String(item);
  }
  return attributes;
}

const pairPattern = /([A-Za-z_][\w.-]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,}]+)/g;

function parsePairs(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(pairPattern)) {
    const key = match[1] ?? '';
    const raw = match[2] ?? '';
    attributes[key] = unquoteValue(raw);
  }
  return attributes;
}

function unquoteValue(raw: string): string {
  if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2) return raw.slice(1, -1);
  return raw;
}
