import type { RiskLevel } from '../runbook-model.js';
import type { StepLanguage } from './step-languages.js';

export type { RiskLevel };

/** How a code block is treated: a step language's block runs, anything else is a snippet to read or paste. */
export type BlockKind = StepLanguage | 'config';

/** How a placeholder was written: `$TOKEN`/`${X}`, `<task_id>`, `{{ agent_id }}`, `[ID]`. */
export const parameterForms = ['env', 'angle', 'mustache', 'bracket'] as const;
export type ParameterForm = (typeof parameterForms)[number];

/** A fenced code block as Markdown parsers give it (mdast `code`: `lang`, `meta`, `value`). */
export interface CodeBlockInput {
  /** First word of the fence info (`bash`); the whole info string is accepted too. */
  lang?: string | null;
  code: string;
  /** The rest of the fence info (`{"name":"restart-redis"}`). */
  meta?: string | null;
}

/** One place a placeholder occurs; `start`/`end` are UTF-16 offsets into the code, end exclusive. */
export interface ParameterOccurrence {
  start: number;
  end: number;
  /** The text at that span, e.g. `<task_id>`. */
  raw: string;
  form: ParameterForm;
  line: number;
}

/** A value the operator has to supply before the step can run. */
export interface FoundParameter {
  /** Safe identifier (`service-name` → `service_name`), unique per step ignoring case. */
  name: string;
  /** Form of the first occurrence. */
  form: ParameterForm;
  secret: boolean;
  /** The first occurrence as written. */
  token: string;
  occurrences: ParameterOccurrence[];
}

/** Why a command got its risk level, e.g. `redis-cli FLUSHALL deletes every key`. */
export interface RiskFinding {
  /** The simple command (or SQL statement) the reason is about, as written. */
  command: string;
  level: RiskLevel;
  reason: string;
}

/** One simple command inside a command line (pipeline member, `&&` operand, `$( )` …). */
export interface SimpleCall {
  /** Program after unwrapping sudo/env/timeout/xargs/cron prefixes. */
  argv0: string;
  /** Arguments with quotes removed, starting with argv0. */
  argv: string[];
  /** Prefixes that were unwrapped, outermost first (`['sudo']`). */
  wrappers: string[];
}

/** A command line as the operator would paste it (one shell statement or one SQL statement). */
export interface StepCommand {
  /** The original text, continuation lines and heredoc bodies included. */
  text: string;
  line: number;
  endLine: number;
  start: number;
  end: number;
  /** First simple command of the line, unwrapped; the SQL keyword for SQL; null when there is none. */
  argv0: string | null;
  argv: string[];
  wrappers: string[];
  calls: SimpleCall[];
  level: RiskLevel;
  reasons: RiskFinding[];
}

/** Commands under one comment title (`# Vérifier la santé d'OSRM`), or untitled. */
export interface CommandGroup {
  title: string | null;
  commands: StepCommand[];
}

/** A secret written into the code (lint finding); the value itself is never repeated. */
export interface InlineSecret {
  line: number;
  reason: string;
}

/** Everything the importer needs to turn one code block into an executable (or config) step. */
export interface StepAnalysis {
  /** Normalised fence language (`shell`, `sql`, `yaml` …), null when the fence had none. */
  language: string | null;
  kind: BlockKind;
  executable: boolean;
  /** From the Runme `name` attribute, when given. */
  name: string | null;
  attributes: Record<string, string>;
  groups: CommandGroup[];
  parameters: FoundParameter[];
  inlineSecrets: InlineSecret[];
  /** Highest level of the commands; `read-only` for config snippets, which never run. */
  risk: RiskLevel;
  /** Every reason of every command, in order (the step's `riskReasons`). */
  reasons: RiskFinding[];
  /** Why the shell parser refused the code (it was then analysed line by line), else null. */
  parseError: string | null;
}
