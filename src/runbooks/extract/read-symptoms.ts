import type { Symptom } from '../runbook-model.js';

/**
 * Turns one symptom as written into evidence to match alerts against: the quoted messages, code
 * spans, error names and HTTP statuses it holds, and what kind of evidence it is.
 */
export function readSymptom(markdown: string, line: number): Symptom {
  const text = markdown
    // The emoji presentation selector (U+FE0F) that follows ⚠ goes too, as its own alternative.
    .replace(/^(?:[\s❌⚠✅🔴🟡🟠•*-]|\uFE0F)+/u, '')
    .replace(/^\\([>#+-])/, '$1') // an exported list escapes what would open a quote or heading
    .replace(/^(\d+)\\([.)])/, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
  const terms = new Set<string>();
  for (const match of text.matchAll(/`([^`]+)`/g)) terms.add(match[1]!.trim());
  for (const match of text.matchAll(/["“«]\s*([^"”»]{3,}?)\s*["”»]/g)) terms.add(match[1]!.trim());
  for (const match of text.matchAll(/\b(E[A-Z]{4,}|ERR_[A-Z_]+|[A-Z][a-z]+(?:Error|Exception))\b/g))
    terms.add(match[1]!);
  for (const match of text.matchAll(/\b(?:HTTP\s*)?([45]\d\d|5xx|4xx)\b/gi)) terms.add(match[1]!.toLowerCase());
  return { text, kind: kindOf(text, [...terms]), terms: [...terms], line };
}

function kindOf(text: string, terms: string[]): Symptom['kind'] {
  if (
    terms.some((term) => /[a-z_]+\{[^}]*\}|\b(rate|sum|avg|histogram_quantile)\(|\s(==|!=|>=|<=|>|<)\s*\d/.test(term))
  )
    return 'metric';
  if (/\b(logs?|message|journal)\b/i.test(text) && /["“«`]/.test(text)) return 'log';
  if (terms.some((term) => /^(E[A-Z]{4,}|ERR_|.*(Error|Exception)$)/.test(term))) return 'error';
  if (/\b(HTTP\s*)?[45]\d\d\b|\b[45]xx\b/i.test(text)) return 'http';
  if (/\bprometheus\b|\bmetri/i.test(text)) return 'metric';
  return 'text';
}

/** Splits an inline symptom line (`Erreur 502 nginx, health check échoue`) into its parts. */
export function splitInlineSymptoms(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '"' || char === '`') depth = char === '(' ? depth + 1 : depth === 0 ? 1 : 0;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
