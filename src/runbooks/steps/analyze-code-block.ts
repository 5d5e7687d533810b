import { analyzeShellCode, stripPrompts } from './analyze-shell.js';
import { bracedEnvRefs, collectParameters, envPlaceholders } from './collect-parameters.js';
import { groupByComments, shellComment, sqlComment } from './command-groups.js';
import { blockKindOf, parseFenceInfo } from './fence-info.js';
import { findInlineSecrets } from './inline-secrets.js';
import { highestLevel } from './match-rules.js';
import { findTemplatePlaceholders, maskPlaceholders, type PlaceholderMatch } from './placeholders.js';
import { loadShellParser, type ShellParser } from './shell-parser.js';
import { analyzeSqlCode } from './sql-classify.js';
import type { CodeBlockInput, CommandGroup, StepAnalysis, StepCommand } from './step-types.js';
import { TextPositions } from './text-positions.js';

/**
 * Analyses one fenced code block of an imported runbook so it can become a step: language and
 * Runme attributes, commands grouped under their comment titles, parameters with exact spans,
 * inline secrets, and a risk level with reasons. Shell goes through the real shell parser (loaded
 * on first call), falling back to a line-based reading that `parseError` reports. Never throws
 * on bad input.
 */
export async function analyzeCodeBlock(input: CodeBlockInput): Promise<StepAnalysis> {
  const fence = parseFenceInfo(input.lang, input.meta);
  const kind = blockKindOf(fence.language);
  const shell = kind === 'shell' ? await loadShellParserOrNull() : null;
  const code = input.code;
  const positions = new TextPositions(code);
  // Same length as `code`: every offset found in `prepared` or `masked` is an offset into `code`.
  const prepared = kind === 'shell' ? stripPrompts(code, fence.rawLanguage === 'console') : code;
  const templates = findTemplatePlaceholders(prepared, kind);
  const masked = maskPlaceholders(prepared, templates);
  let commands: StepCommand[] = [];
  let groups: CommandGroup[] = [];
  let envMatches: PlaceholderMatch[] = [];
  let parseError: string | null = null;
  if (kind === 'shell') {
    const shellCode = analyzeShellCode(shell, masked, code, positions);
    commands = shellCode.commands;
    parseError = shellCode.parseError;
    envMatches = envPlaceholders(shellCode.facts, code);
    groups = groupByComments(masked.split('\n'), commands, shellComment);
  } else if (kind === 'sql') {
    commands = analyzeSqlCode(masked, code, positions);
    groups = groupByComments(masked.split('\n'), commands, sqlComment);
  } else {
    envMatches = envPlaceholders({ envRefs: bracedEnvRefs(code), assignments: [] }, code);
  }
  const reasons = commands.flatMap((command) => command.reasons);
  return {
    language: fence.language,
    kind,
    executable: kind !== 'config',
    name: fence.name,
    attributes: fence.attributes,
    groups,
    parameters: collectParameters([...templates, ...envMatches], positions),
    inlineSecrets: findInlineSecrets(masked),
    risk: highestLevel(reasons.map(({ level }) => level)),
    reasons,
    parseError,
  };
}

/** A missing or broken parser must not stop an import: the line-based reading still works. */
async function loadShellParserOrNull(): Promise<ShellParser | null> {
  try {
    return await loadShellParser();
  } catch {
    return null;
  }
}
