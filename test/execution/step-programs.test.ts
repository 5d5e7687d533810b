import { describe, expect, it } from 'vitest';
import { connectionOf, stepPrograms } from '../../src/execution/step-programs.js';
import { normalizeLanguage } from '../../src/runbooks/steps/fence-info.js';
import {
  isStepLanguage,
  stepLanguageAliases,
  stepLanguageNames,
  stepLanguageTable,
} from '../../src/runbooks/steps/step-languages.js';

describe('the step languages tables', () => {
  it('gives every language of the runbook side a way to run on the execution side', () => {
    expect(Object.keys(stepPrograms).sort()).toEqual([...stepLanguageNames].sort());
  });

  it('lets each fence alias name exactly one language, the language itself included', () => {
    const claimed = stepLanguageNames.flatMap((language) => stepLanguageTable[language].aliases);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const language of stepLanguageNames) {
      expect(normalizeLanguage(language)).toBe(language);
      for (const alias of stepLanguageTable[language].aliases) expect(stepLanguageAliases.get(alias)).toBe(language);
    }
  });

  it('runs only the languages of the table: YAML, prose and unknown fences are not step languages', () => {
    expect(isStepLanguage('shell')).toBe(true);
    expect(isStepLanguage('sql')).toBe(true);
    for (const language of ['yaml', 'python', 'toString', null]) expect(isStepLanguage(language)).toBe(false);
  });

  it('records the named connection of a SQL program and none for a shell one', () => {
    const sql = { kind: 'sql', connection: 'main', connectionUrl: 'postgres://x', readOnly: true, statements: [] };
    expect(connectionOf({ kind: 'shell', script: 'true', env: {} })).toBeNull();
    expect(connectionOf({ ...sql, kind: 'sql' as const })).toBe('main');
  });
});
