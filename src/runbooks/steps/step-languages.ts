import { shellLanguage } from './shell-language.js';
import type { StepLanguageDefinition } from './step-language-definition.js';
import { sqlLanguage } from './sql-language.js';

/**
 * The languages steps run in, one row each: a fenced block of one of them becomes a command step
 * (risk read, parameters found, runnable); a block of any other language is `config`, a snippet
 * to read or paste. This table lives on the runbook side because importing a runbook reads it
 * and the runbook domain does not import execution; each row's execution side (how its job is
 * prepared and run) is the row of the same key in `src/execution/step-programs.ts`, which the
 * compiler requires.
 */
export const stepLanguageTable = {
  shell: shellLanguage,
  sql: sqlLanguage,
} as const satisfies Record<string, StepLanguageDefinition>;

/** A language steps run in: a key of `stepLanguageTable`. */
export type StepLanguage = keyof typeof stepLanguageTable;

/** The languages in table order. */
export const stepLanguageNames = Object.keys(stepLanguageTable) as StepLanguage[];

/** Whether a normalised fence language (a step's `language`) is one steps run in. */
export function isStepLanguage(language: string | null): language is StepLanguage {
  return language !== null && Object.hasOwn(stepLanguageTable, language);
}

/** Every fence word that names a language of the table, to the language it names. */
export const stepLanguageAliases: ReadonlyMap<string, StepLanguage> = new Map(
  stepLanguageNames.flatMap((language) =>
    [language, ...stepLanguageTable[language].aliases].map((alias) => [alias, language] as const),
  ),
);
