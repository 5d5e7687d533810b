import { Type, type Static } from 'typebox';
import type { FieldIssue } from '../../core/app-error.js';
import { templateVariables, type TemplateVariable } from '../templates/template-model.js';

/** Blanks teams write, and the variable each stands for (accents and case folded). */
const glossary: readonly [RegExp, TemplateVariable][] = [
  [/^(titre|title|incident|nom de l'incident|sujet)$/, 'title'],
  [/^(p\[?1-[34]\]?|severite|severity|priorite|priority|niveau)$/, 'severity'],
  [/(date|heure|time|detecte|detected|debut|start)/, 'time'],
  [/(impact|description|resume|summary)/, 'summary'],
  [/(service|affecte|affected|perimetre)/, 'services'],
  [/^(statut|status|etat|state)$/, 'status'],
  [/^(id|numero|reference|incident id)$/, 'incidentId'],
  [/(lien|link|url)/, 'incidentUrl'],
];

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const TemplateBlankSchema = Type.Object({
  blank: Type.String({ description: 'as the document writes it, without its brackets: `Titre`, `heure`' }),
  variable: Type.Union([Type.String(), Type.Null()], {
    description: 'the variable it becomes; null: kept as written (or, with needsChoice, not known yet)',
  }),
  guessed: Type.Boolean({ description: 'the variable is the glossary’s guess, not a given mapping' }),
  needsChoice: Type.Boolean({ description: 'neither the mapping nor the glossary says: adopting answers 400' }),
});
export type TemplateBlank = Static<typeof TemplateBlankSchema>;

/**
 * What each blank of a communication template becomes: the `mapping`'s variable (null: kept as
 * written) or else the glossary's guess. A blank neither says, or mapped to no variable, is an
 * issue at `/mapping/<blank>` (JSON-pointer escaped).
 */
export function readBlanks(
  placeholders: readonly string[],
  mapping: Readonly<Record<string, string | null>> | undefined,
): { blanks: TemplateBlank[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const blanks = [...new Set(placeholders)].map((blank): TemplateBlank => {
    const path = `/mapping/${blank.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const mapped = mapping?.[blank];
    const variable = mapped === undefined ? glossary.find(([pattern]) => pattern.test(fold(blank)))?.[1] : mapped;
    if (variable === undefined) {
      const known = Object.keys(templateVariables).join(', ');
      issues.push({ path, message: `which variable is "${blank}"? one of ${known}, or null` });
      return { blank, variable: null, guessed: false, needsChoice: true };
    }
    if (variable !== null && !(variable in templateVariables))
      issues.push({ path, message: `unknown variable ${variable}` });
    return { blank, variable, guessed: mapped === undefined, needsChoice: false };
  });
  return { blanks, issues };
}

/** `text` with each blank given a variable written as one (`[Titre]` → `{{title}}`); the others as written. */
export function fillBlanks(text: string, blanks: readonly TemplateBlank[]): string {
  return blanks.reduce((result, { blank, variable }) => {
    if (variable === null || !(variable in templateVariables)) return result;
    const name = escapeRegExp(blank);
    // Wrapped as teams write blanks; a blank that carries its own brackets (`P[1-3]`) also as is.
    const written = new RegExp(
      `\\[\\s*${name}\\s*\\]|\\{\\{\\s*${name}\\s*\\}\\}|\\{\\s*${name}\\s*\\}|<\\s*${name}\\s*>` +
        (/[[{<]/.test(blank) ? `|${name}` : ''),
      'g',
    );
    return result.replace(written, `{{${variable}}}`);
  }, text);
}
