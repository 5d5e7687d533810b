import type { BlockKind, ParameterForm } from './step-types.js';

/** One placeholder found in the code, before occurrences are merged into parameters. */
export interface PlaceholderMatch {
  start: number;
  end: number;
  raw: string;
  /** As written inside the markers (`service-name`), not yet normalised. */
  name: string;
  form: ParameterForm;
}

// `<task_id>`, `<service-name>`: never right after `<` (heredoc `<<EOF>`), never with spaces (`< file`).
const anglePattern = /(?<![<\w])<([A-Za-z][\w.-]*)>/g;
const mustachePattern = /\$?\{\{[ \t]*(\.?[A-Za-z_][\w.-]*)[ \t]*\}\}/g;
// `[ID]`, `[TASK_ID]`: uppercase only; not `[[`, not `arr[IDX]`, not `[TEXT](url)` links, not globs.
const bracketPattern = /(?<![\w\][$])\[([A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*)\](?![\w([\]:*?])/g;

// Only in non-executable blocks: the usual suspects of HTML/XML embedded in YAML or JSON.
const htmlTags = new Set([
  'a',
  'abbr',
  'b',
  'body',
  'br',
  'code',
  'div',
  'em',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'head',
  'header',
  'hr',
  'html',
  'i',
  'img',
  'input',
  'li',
  'link',
  'main',
  'meta',
  'nav',
  'ol',
  'p',
  'pre',
  'script',
  'section',
  'small',
  'span',
  'strong',
  'style',
  'sub',
  'sup',
  'svg',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'title',
  'tr',
  'u',
  'ul',
]);

/**
 * Finds `<angle>`, `{{ mustache }}` and `[BRACKET]` placeholders. Redirections (`< file.sql`, `<<EOF`,
 * `<=`), XML elements that have a closing tag, HTML tags in config snippets, `[ -f x ]` tests,
 * `[[ … ]]`, array indexes and Markdown links are not placeholders.
 */
export function findTemplatePlaceholders(code: string, kind: BlockKind): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const match of code.matchAll(anglePattern)) {
    const name = match[1] ?? '';
    if (code.includes(`</${name}>`)) continue;
    if (kind === 'config' && htmlTags.has(name.toLowerCase())) continue;
    found.push(toMatch(match, name, 'angle'));
  }
  for (const match of code.matchAll(mustachePattern)) found.push(toMatch(match, match[1] ?? '', 'mustache'));
  for (const match of code.matchAll(bracketPattern)) {
    const name = match[1] ?? '';
    // `[A-Z]` is a character class, and one letter (`[X]`) is more often a checkbox than a value.
    if (name.length < 2 || /^[A-Z0-9]-[A-Z0-9]$/.test(name)) continue;
    // In YAML/JSON an unquoted `key: [PROD]` or `- [PROD]` is a list, not a placeholder.
    if (
      kind === 'config' &&
      /(?:[:,[]|^\s*-)\s*$/.test(code.slice(code.lastIndexOf('\n', match.index - 1) + 1, match.index))
    )
      continue;
    found.push(toMatch(match, name, 'bracket'));
  }
  return dropOverlaps(found);
}

function toMatch(match: RegExpMatchArray, name: string, form: ParameterForm): PlaceholderMatch {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length, raw: match[0], name, form };
}

function dropOverlaps(matches: PlaceholderMatch[]): PlaceholderMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PlaceholderMatch[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || match.start >= last.end) kept.push(match);
  }
  return kept;
}

/**
 * Replaces each placeholder with a safe word of the same length (`<task_id>` → `_P_______`), so the
 * shell parser sees a plain word instead of a redirection, and every offset it reports still points
 * at the same place in the original code.
 */
export function maskPlaceholders(code: string, matches: readonly PlaceholderMatch[]): string {
  let masked = '';
  let cursor = 0;
  for (const match of matches) {
    masked += code.slice(cursor, match.start) + maskWord(match.end - match.start);
    cursor = match.end;
  }
  return masked + code.slice(cursor);
}

function maskWord(length: number): string {
  // Every placeholder form is at least 3 characters long (`<a>`), so the word always fits.
  return `_P${'_'.repeat(Math.max(1, length - 2))}`;
}

/** Whether a word of masked code is (entirely) a masked placeholder. */
export function isMaskedWord(word: string): boolean {
  return /^_P_+$/.test(word);
}

/** `service-name` → `service_name`, `.Values.image` → `Values_image`; never empty, never a leading digit. */
export function normalizeParameterName(raw: string): string {
  const name = raw.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') return 'param';
  return /^\d/.test(name) ? `p_${name}` : name;
}

const secretPattern = /TOKEN|PASSWORD|PASSWD|SECRET|KEY|CREDENTIAL|API_KEY/i;

/** Names that hold secrets: their values must be masked in logs and asked for, not stored. */
export function isSecretName(name: string): boolean {
  return secretPattern.test(name);
}
