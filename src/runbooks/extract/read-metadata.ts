import type { RootContent } from 'mdast';
import type { RunbookMetadata } from '../runbook-model.js';
import { metadataKeyOf, type MetadataKey } from './classify-title.js';
import { parseMinutes } from './drafts/parse-duration.js';

/** `**Key**: value` pairs in a paragraph's source (`**RTO** : 4 heures | **RPO** : 6 heures`). */
const pairPattern = /\*\*([^*\n]{1,40}?)\s*:?\s*\*\*\s*:?\s*([^|\n]*?)\s*(?=\||\*\*[^*\n]{1,40}\*\*\s*:|\n|$)/g;

export interface MetadataLine {
  key: MetadataKey;
  value: string;
}

/** Reads the metadata pairs of one paragraph's Markdown source; empty when it has none. */
export function readMetadataPairs(source: string): MetadataLine[] {
  const pairs: MetadataLine[] = [];
  for (const match of source.matchAll(pairPattern)) {
    const key = metadataKeyOf(match[1] ?? '');
    const value = (match[2] ?? '').trim();
    if (key !== null && value !== '') pairs.push({ key, value });
  }
  return pairs;
}

/** Whether a paragraph is nothing but metadata pairs (so it is not repeated as prose). */
export function isMetadataParagraph(block: RootContent, source: string): boolean {
  if (block.type !== 'paragraph') return false;
  const pairs = readMetadataPairs(source);
  if (pairs.length === 0) return false;
  const rest = source.replace(pairPattern, '').replace(/[|\s]/g, '');
  return rest === '';
}

const severityWords: [RegExp, 'P1' | 'P2' | 'P3' | 'P4'][] = [
  [/\bp([1-4])\b|\bsev(?:erity)?[ -]?([1-4])\b/i, 'P1'],
  [/critical|critique|urgent|blocking|bloquant|majeure? critique/i, 'P1'],
  [/high|haute?|elevee?|élevée?|major|majeure?|important/i, 'P2'],
  [/medium|moyenne?|warning|avertissement|minor|mineure?|mod[eé]r[eé]e?/i, 'P3'],
  [/low|faible|basse?|info/i, 'P4'],
];

/** `🔴 CRITICAL` → P1, `🟡 HIGH` → P2, `P3` → P3. */
export function severityLevelOf(raw: string): 'P1' | 'P2' | 'P3' | 'P4' | null {
  for (const [pattern, level] of severityWords) {
    const match = pattern.exec(raw);
    if (match === null) continue;
    const digit = match[1] ?? match[2];
    return digit === undefined ? level : (`P${digit}` as 'P1');
  }
  return null;
}

/** Folds metadata pairs (first one of each key wins) into the runbook's metadata. */
export function foldMetadata(pairs: readonly MetadataLine[], frontMatter: Record<string, unknown>): RunbookMetadata {
  const first = (key: MetadataKey): string | null => pairs.find((pair) => pair.key === key)?.value ?? null;
  const fromFront = (key: string): string | null => {
    const value = frontMatter[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const severity = first('severity') ?? fromFront('severity') ?? fromFront('priority');
  const rto = first('rto') ?? fromFront('rto');
  const rpo = first('rpo') ?? fromFront('rpo');
  const services = [
    ...(Array.isArray(frontMatter['services']) ? frontMatter['services'].map(String) : []),
    ...(fromFront('service') === null ? [] : [fromFront('service')!]),
    ...pairs
      .filter((pair) => pair.key === 'services')
      .flatMap((pair) => pair.value.split(/[,;]/).map((s) => s.trim().replace(/`/g, ''))),
  ].filter((name) => name !== '');
  return {
    severity: severity === null ? null : { raw: severity, level: severityLevelOf(severity) },
    impact: first('impact') ?? fromFront('impact'),
    rto: rto === null ? null : { raw: rto, minutes: parseMinutes(rto) },
    rpo: rpo === null ? null : { raw: rpo, minutes: parseMinutes(rpo) },
    reference: null,
    services: [...new Set(services)],
    frontMatter,
  };
}
