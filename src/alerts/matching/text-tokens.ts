import { glossary, phraseGlossary, stopWords, wholeNames } from './matching-vocabulary.js';

/**
 * The tokens of a text as runbook matching compares them: accents folded, CamelCase and
 * snake_case split (`OSRMDown` → `osrm down`, `pg_up` → `pg up`), lower case, plurals made
 * singular and French operations words brought to English (`Paiements` → `payment`), so that
 * a runbook and an alert written differently still meet. Both sides go through this.
 */
export function tokenize(text: string): readonly string[] {
  const cached = tokenCache.get(text);
  if (cached !== undefined) return cached;
  // Runbook texts are tokenized for every alert: remember the last few thousand.
  if (tokenCache.size >= 5000) tokenCache.clear();
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(wholeNames, (name) => ` ${name.toLowerCase()} `)
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    // Stop words are listed as written (`très`, `plus`, `dans`): cutting their `s` would let them through.
    .map((word) => (stopWords.has(word) ? word : singular(word)));
  const tokens = joinPhrases(words).map((word) => glossary.get(word) ?? word);
  tokenCache.set(text, tokens);
  return tokens;
}

const tokenCache = new Map<string, readonly string[]>();

/** The distinct tokens that can count as evidence on their own: no stop words, no bare numbers or letters. */
export function contentWords(tokens: readonly string[]): string[] {
  return [...new Set(tokens.filter((token) => token.length > 1 && !/^\d+$/.test(token) && !stopWords.has(token)))];
}

/** True when `needle` occurs as consecutive tokens of `haystack`. */
export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}

/** English and French plurals: `errors` → `error`, `dispatches` → `dispatch`, `queries` → `query`; `redis`, `status` kept. */
function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || /(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:[tnr]ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function joinPhrases(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const phrase = phraseGlossary.find((entry) => entry.words.every((word, offset) => words[i + offset] === word));
    if (phrase === undefined) {
      joined.push(words[i]!);
    } else {
      joined.push(phrase.word);
      i += phrase.words.length - 1;
    }
  }
  return joined;
}
