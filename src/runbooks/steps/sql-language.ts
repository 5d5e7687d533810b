import { groupByComments, sqlComment } from './command-groups.js';
import { analyzeSqlCode } from './sql-classify.js';
import type { StepLanguageDefinition } from './step-language-definition.js';

/**
 * SQL, as psql takes it: one command per statement, classified by its verb and the functions it
 * calls; `-- …` comments title the statements below them. Values are bind parameters, never
 * environment variables.
 */
export const sqlLanguage: StepLanguageDefinition = {
  aliases: ['sql', 'psql', 'pgsql', 'postgresql', 'postgres'],
  prepare: (code) => code,
  read: (masked, code, positions) => {
    const commands = analyzeSqlCode(masked, code, positions);
    return Promise.resolve({
      commands,
      groups: groupByComments(masked.split('\n'), commands, sqlComment),
      envMatches: [],
      parseError: null,
    });
  },
};
