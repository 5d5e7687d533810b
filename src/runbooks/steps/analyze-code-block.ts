import { bracedEnvRefs, collectParameters, envPlaceholders } from './collect-parameters.js';
import { blockKindOf, parseFenceInfo } from './fence-info.js';
import { findInlineSecrets } from './inline-secrets.js';
import { highestLevel } from './match-rules.js';
import { findTemplatePlaceholders, maskPlaceholders } from './placeholders.js';
import type { LanguageReading } from './step-language-definition.js';
import { stepLanguageTable } from './step-languages.js';
import type { CodeBlockInput, StepAnalysis } from './step-types.js';
import { TextPositions } from './text-positions.js';

/**
 * Analyses one fenced code block of an imported runbook so it can become a step: language and
 * Runme attributes, commands grouped under their comment titles, parameters with exact spans,
 * inline secrets, and a risk level with reasons. The block's language (`stepLanguageTable`) reads
 * its commands and their risk; shell goes through the real shell parser, falling back to a
 * line-based reading that `parseError` reports. Never throws on bad input.
 */
export async function analyzeCodeBlock(input: CodeBlockInput): Promise<StepAnalysis> {
  const fence = parseFenceInfo(input.lang, input.meta);
  const kind = blockKindOf(fence.language);
  const language = kind === 'config' ? null : stepLanguageTable[kind];
  const code = input.code;
  const positions = new TextPositions(code);
  // Same length as `code`: every offset found in `prepared` or `masked` is an offset into `code`.
  const prepared = language === null ? code : language.prepare(code, fence);
  const templates = findTemplatePlaceholders(prepared, kind);
  const masked = maskPlaceholders(prepared, templates);
  // A config snippet never runs: only its `${X}` references are parameters.
  const reading: LanguageReading =
    language === null
      ? {
          commands: [],
          groups: [],
          envMatches: envPlaceholders({ envRefs: bracedEnvRefs(code), assignments: [] }, code),
          parseError: null,
        }
      : await language.read(masked, code, positions);
  const reasons = reading.commands.flatMap((command) => command.reasons);
  return {
    language: fence.language,
    kind,
    executable: kind !== 'config',
    name: fence.name,
    attributes: fence.attributes,
    groups: reading.groups,
    parameters: collectParameters([...templates, ...reading.envMatches], positions),
    inlineSecrets: findInlineSecrets(masked),
    risk: highestLevel(reasons.map(({ level }) => level)),
    reasons,
    parseError: reading.parseError,
  };
}
