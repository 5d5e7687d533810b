import type { SeverityLevel } from './draft-data.js';
import { plain } from './md-blocks.js';
import { hasDuration, parseMinutes } from './parse-duration.js';

/** A class head as written (`P1 - Critique (Résolution < 1h)`, `SEV2 — High`), read. */
export interface ClassHead {
  /** The number written (`P1` → 1, `SEV0` → 0), or null when only a name says the level. */
  number: number | null;
  /** The level from the name alone (`Critical` → P1), used when no number is written. */
  named: SeverityLevel | null;
  name: string;
  targetMinutes: number | null;
}

const levelToken =
  /^\s*(?:p|sev(?:erity)?|s|priorit[eé]|priority|niveau|level|gravit[eé])\s*[-:#]?\s*([0-9])(?![\d.])/i;

/** Names teams give levels when they write no number, most severe first. */
const namedLevels: [SeverityLevel, RegExp][] = [
  ['P1', /^(critique|critical|crit|urgent|urgence|bloquant|blocker|majeure? critique|sev(ere)?)$/],
  ['P2', /^(haute?|high|elevee?|majeure?|major|important|serious|grave)$/],
  ['P3', /^(moyenne?|medium|moderee?|moderate|mineure?|minor|normale?)$/],
  ['P4', /^(basse?|low|faible|info|informational|cosmetique|cosmetic|trivial)$/],
];

/** Reads a class head; null when it names no level at all. */
export function readClassHead(text: string): ClassHead | null {
  const token = levelToken.exec(text);
  const rest = token === null ? text : text.slice(token[0].length);
  const parentheticals = [...rest.matchAll(/\(([^)]*)\)/g)].map((match) => match[1]!);
  const name = rest
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[\s:\-–—|/]+/, '')
    .replace(/[\s:\-–—|]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const targets = [...parentheticals, name].filter(hasDuration);
  const written = hasDuration(name)
    ? name.replace(/[\s,;-]*\b(r[ée]solution|target|objectif|sla)?\s*[<≤]?\s*\d.*$/i, '').trim()
    : name;
  // `SEV1 (Critical)`: the name may stand in the parenthesis.
  const cleanName = written !== '' ? written : (parentheticals.find((inner) => !hasDuration(inner))?.trim() ?? '');
  const named = namedLevelOf(cleanName);
  if (token === null && named === null) return null;
  return {
    number: token === null ? null : Number(token[1]),
    named,
    name: cleanName,
    targetMinutes: targets.length === 0 ? null : parseMinutes(targets[0]!),
  };
}

/** `Critique` → P1, `Low` → P4 (the first word decides: "High - major outage" is P2). */
export function namedLevelOf(name: string): SeverityLevel | null {
  const words = plain(name)
    .replace(/[^a-z ]+/g, ' ')
    .trim();
  const first = words.split(' ')[0] ?? '';
  return namedLevels.find(([, pattern]) => pattern.test(words) || pattern.test(first))?.[0] ?? null;
}

/**
 * Turns the numbers written into P1–P4. Documents that count from zero (SEV0–SEV3) are shifted,
 * so the most severe class stays P1; levels past P4 are dropped (null).
 */
export function levelsOf(heads: readonly ClassHead[]): (SeverityLevel | null)[] {
  const numbers = heads.map((head) => head.number).filter((value): value is number => value !== null);
  const shift = numbers.length > 0 && Math.min(...numbers) === 0 ? 1 : 0;
  return heads.map((head) => {
    if (head.number === null) return head.named;
    const value = head.number + shift;
    return value >= 1 && value <= 4 ? (`P${value}` as SeverityLevel) : null;
  });
}

/** Whether a phrase sets a time target rather than describing the class (`Résolution < 4h`). */
export function isTargetPhrase(text: string): boolean {
  return (
    hasDuration(text) &&
    /\b(r[ée]solution|r[ée]soudre|resolve[ds]?|target|objectif|cible|sla|d[ée]lai|within|sous|en moins de|temps de|time to)\b/i.test(
      text,
    )
  );
}

/** Splits a description into criteria on commas and semicolons outside parentheses. */
export function splitCriteria(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';')) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts
    .flatMap((part) => part.split(/<br\s*\/?>/i))
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter((part) => part !== '');
}
