import type { Draft } from '../runbook-model.js';
import type { RuleFinding, RunbookRule } from './lint-model.js';

/**
 * A phone number with `X` for digits (`+41 21 XXX XX XX`, `+33 X XX XX XX XX`, `06 XX XX XX XX`):
 * groups of digits or X, at least eight of them, at least one X, not inside a word.
 */
const maskedNumber =
  /(?<![\p{L}\p{N}_])(?:\+\d{1,3}[ .-]?)?(?:\(?[\dXx]{1,4}\)?[ .-]){2,}[\dXx]{1,4}(?![\p{L}\p{N}_])/gu;

/** A bracketed stand-in for a contact (`[Numéro support]`, `<phone number>`), not a Markdown link. */
const bracketed = /\[([^\]\n]{1,80})\](?![([:])|<([^>\n]{1,80})>/g;
const contactWords =
  /num[ée]ro|number|phone|t[ée]l[ée]phone|\btel\b|t[ée]l\.|portable|mobile|e-?mail|courriel|contact/i;

/** The placeholders found in one text, as written. */
export function findContactPlaceholders(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(maskedNumber)) {
    const characters = match[0].replace(/[^\dXx]/g, '');
    if (characters.length >= 8 && /[Xx]/.test(characters)) found.push(match[0].trim());
  }
  for (const match of text.matchAll(bracketed)) {
    const inner = match[1] ?? match[2] ?? '';
    if (contactWords.test(inner)) found.push(match[0]);
  }
  return found;
}

function finding(line: number, where: string, placeholders: string[], extra: Partial<RuleFinding> = {}): RuleFinding {
  return {
    rule: 'placeholder-contact',
    severity: 'warning',
    ...extra,
    line,
    message: `${where} has placeholder contact details (${placeholders.join(', ')}): nobody can be called at that number`,
  };
}

/** `placeholder-contact` (warning) in a runbook's own text: prose and manual steps. */
export const placeholderContact: RunbookRule = (runbook) =>
  runbook.sections.flatMap((section) => {
    const inProse = findContactPlaceholders(section.text);
    const findings = inProse.length === 0 ? [] : [finding(section.lines.start, `section "${section.title}"`, inProse)];
    for (const step of section.steps) {
      if (step.kind !== 'manual') continue;
      const inStep = findContactPlaceholders(step.body);
      if (inStep.length > 0) findings.push(finding(step.lines.start, `step ${step.id}`, inStep, { stepId: step.id }));
    }
    return findings;
  });

/** `placeholder-contact` (warning) in the contacts drafts found next to the runbooks. */
export function placeholderContactDrafts(drafts: readonly Draft[]): RuleFinding[] {
  return drafts
    .filter((draft) => draft.kind === 'contacts')
    .flatMap((draft) => {
      const placeholders = [...new Set(stringsOf(draft.data).flatMap(findContactPlaceholders))];
      return placeholders.length === 0 ? [] : [finding(draft.lines.start, `contacts "${draft.title}"`, placeholders)];
    });
}

/** Every string inside a JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
