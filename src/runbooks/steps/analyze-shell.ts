import { classifyCall, type InnerShellReader } from './classify-call.js';
import { highestLevel } from './match-rules.js';
import { findTemplatePlaceholders, maskPlaceholders } from './placeholders.js';
import { readShellAst } from './read-shell-ast.js';
import { readShellLines } from './read-shell-lines.js';
import type { ShellFacts, StatementFact } from './shell-facts.js';
import { describeParseError, type ShellParser } from './shell-parser.js';
import type { RiskFinding, StepCommand } from './step-types.js';
import type { TextPositions } from './text-positions.js';

/** Commands of a shell block, the raw facts (for parameters), and why parsing failed if it did. */
export interface ShellCodeAnalysis {
  commands: StepCommand[];
  facts: ShellFacts;
  parseError: string | null;
}

/**
 * Reads a shell block with the real parser (or line by line when it refuses the code, or when the
 * parser could not be loaded: `shell` null) and classifies every simple command of every line.
 * `masked` has placeholders replaced by same-length words; texts are taken from `original`.
 */
export function analyzeShellCode(
  shell: ShellParser | null,
  masked: string,
  original: string,
  positions: TextPositions,
): ShellCodeAnalysis {
  let facts: ShellFacts;
  let parseError: string | null = null;
  try {
    if (shell === null) throw new Error('shell parser unavailable');
    facts = readShellAst(shell, masked, original);
  } catch (error) {
    parseError = describeParseError(error);
    facts = readShellLines(masked, original);
  }
  const readInner = innerShellReader(shell);
  const commands = facts.statements.map((statement) => toCommand(statement, original, positions, readInner));
  return { commands, facts, parseError };
}

/** Reads shell code found in a string (`sh -c '…'`, `ssh host '…'`) the same way, never throwing. */
export function innerShellReader(shell: ShellParser | null): InnerShellReader {
  return (text) => {
    const masked = maskPlaceholders(text, findTemplatePlaceholders(text, 'shell'));
    let facts: ShellFacts;
    try {
      facts = shell === null ? readShellLines(masked, text) : readShellAst(shell, masked, text);
    } catch {
      facts = readShellLines(masked, text);
    }
    return facts.statements.flatMap((statement) => statement.calls);
  };
}

function toCommand(
  statement: StatementFact,
  original: string,
  positions: TextPositions,
  readInner: InnerShellReader,
): StepCommand {
  const classified = statement.calls.map((call) => classifyCall(call, readInner));
  const reasons: RiskFinding[] = classified.flatMap(({ findings }) => findings);
  for (const file of statement.writes)
    reasons.push({ command: `> ${file}`, level: 'changing', reason: `writes output to ${file}` });
  // The command a human would name the line after: not one inside `$( )`.
  const mainIndex = statement.calls.findIndex((call) => !call.nested);
  const main = classified[mainIndex === -1 ? 0 : mainIndex]?.call;
  return {
    text: original.slice(statement.start, statement.end),
    line: positions.lineAt(statement.start),
    endLine: positions.lineAt(Math.max(statement.start, statement.end - 1)),
    start: statement.start,
    end: statement.end,
    argv0: main === undefined || main.argv0 === '' ? null : main.argv0,
    argv: main?.argv ?? [],
    wrappers: main?.wrappers ?? [],
    calls: classified.map(({ call }) => call),
    level: highestLevel(reasons.map(({ level }) => level)),
    reasons,
  };
}

/**
 * Removes console-style prompts without moving anything: `$ cmd` becomes `  cmd`, so offsets into
 * the prepared code are offsets into the original. In `console` blocks that use prompts, lines
 * without one are the command's output and are blanked out (continuations and heredocs are kept).
 */
export function stripPrompts(code: string, consoleStyle: boolean): string {
  const lines = code.split('\n');
  const prompted = lines.some((line) => /^\s*\$ /.test(line));
  if (!prompted) return code;
  let continued = false;
  let heredoc: string | null = null;
  return lines
    .map((line) => {
      if (heredoc !== null) {
        if (line.trim() === heredoc) heredoc = null;
        return line;
      }
      const prompt = /^(\s*)\$ /.exec(line);
      if (prompt === null && !continued && consoleStyle) return line.replace(/[^\n]/g, ' ');
      const kept = prompt === null ? line : `${prompt[1] ?? ''}  ${line.slice(prompt[0].length)}`;
      continued = /\\\s*$/.test(kept);
      heredoc = /(?<!<)<<-?\s*['"]?([A-Za-z_][\w-]*)/.exec(kept)?.[1] ?? null;
      return kept;
    })
    .join('\n');
}
