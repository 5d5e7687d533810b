/**
 * Reduces a heading or label to bare lowercase words: accents, emoji, numbering (`1.`, `###`),
 * parentheses (`(0-5 min)`) and punctuation removed, so that `🚨 Symptômes :` and `Symptoms`
 * compare like the keywords they are.
 */
export function normalizeTitle(text: string): string {
  const cached = normalized.get(text);
  if (cached !== undefined) return cached;
  // Every title is classified several times (section, draft, metadata): remember the last few thousand.
  if (normalized.size > 5000) normalized.clear();
  const result = computeNormalizedTitle(text);
  normalized.set(text, result);
  return result;
}

const normalized = new Map<string, string>();

function computeNormalizedTitle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[\s#*_>-]*(?:\d+[.)]|[a-z][.)]|etape \d+:?|step \d+:?)\s+/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}

/** The title as shown: emoji and trailing colons dropped, numbering kept off, spaces folded. */
export function cleanTitle(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu, '')
    .replace(/^\s*\d+[.)]\s+/, '')
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
