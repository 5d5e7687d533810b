import { analyzeShellCode, stripPrompts } from './analyze-shell.js';
import { envPlaceholders } from './collect-parameters.js';
import { groupByComments, shellComment } from './command-groups.js';
import { loadShellParser, type ShellParser } from './shell-parser.js';
import type { StepLanguageDefinition } from './step-language-definition.js';

/**
 * Bash and its cousins: read through the real shell parser (loaded on first use), falling back to
 * a line-based reading that `parseError` reports; `$VAR` references the code does not set itself
 * are parameters. A `console` block's unprompted lines are output, not commands.
 */
export const shellLanguage: StepLanguageDefinition = {
  aliases: ['bash', 'sh', 'shell', 'console', 'zsh', 'ksh', 'shellsession', 'shell-session'],
  prepare: (code, fence) => stripPrompts(code, fence.rawLanguage === 'console'),
  read: async (masked, code, positions) => {
    const shellCode = analyzeShellCode(await loadShellParserOrNull(), masked, code, positions);
    return {
      commands: shellCode.commands,
      groups: groupByComments(masked.split('\n'), shellCode.commands, shellComment),
      envMatches: envPlaceholders(shellCode.facts, code),
      parseError: shellCode.parseError,
    };
  },
};

/** A missing or broken parser must not stop an import: the line-based reading still works. */
async function loadShellParserOrNull(): Promise<ShellParser | null> {
  try {
    return await loadShellParser();
  } catch {
    return null;
  }
}
