import { Type, type Static, type TSchema } from 'typebox';
import { stepLanguageNames, type StepLanguage } from '../runbooks/steps/step-languages.js';
import { shellProgram } from './programs/shell-program.js';
import type { StepProgramDefinition } from './programs/step-program-definition.js';
import { sqlProgram } from './programs/sql-program.js';

/**
 * How a step of each language runs, one row per row of `stepLanguageTable` (the runbook side,
 * which reads fences and risk): the program a runner receives, how a step becomes one, how it
 * runs. `satisfies Record<StepLanguage, …>`: a language added there and not here is a type error.
 */
export const stepPrograms = {
  shell: shellProgram,
  sql: sqlProgram,
} as const satisfies Record<StepLanguage, StepProgramDefinition<TSchema>>;

/** What a step runs: one of the programs of the table, its `kind` naming the row. */
export type StepProgram = { [K in StepLanguage]: Static<(typeof stepPrograms)[K]['schema']> }[StepLanguage];

/** The program of the claim answer: any row's schema (`Type.Unsafe` keeps the union's static type). */
export const StepProgramSchema = Type.Unsafe<StepProgram>(
  Type.Union(stepLanguageNames.map((language) => stepPrograms[language].schema)),
);

/** The row of a program's kind, seen as taking any program: its kind is the key, so it takes this one. */
export function stepProgramOf(program: StepProgram): StepProgramDefinition<TSchema> {
  return stepPrograms[program.kind];
}

/** The named connection a program runs on, recorded with its execution; null when its language has none. */
export function connectionOf(program: StepProgram): string | null {
  return stepProgramOf(program).connection(program);
}
