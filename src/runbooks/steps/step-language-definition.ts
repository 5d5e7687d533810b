import type { FenceInfo } from './fence-info.js';
import type { PlaceholderMatch } from './placeholders.js';
import type { CommandGroup, StepCommand } from './step-types.js';
import type { TextPositions } from './text-positions.js';

/** What reading a block of one language found: its commands with their risk, and its `$VAR` placeholders. */
export interface LanguageReading {
  commands: StepCommand[];
  /** The commands under the comment titles of this language (`# …`, `-- …`). */
  groups: CommandGroup[];
  /** Environment-variable placeholders (`$TOKEN`, `${X}`); template ones (`<id>`) are found for every language. */
  envMatches: PlaceholderMatch[];
  /** Why the language's parser refused the code (it was then read line by line), else null. */
  parseError: string | null;
}

/**
 * One language steps are written and run in, as the runbook side knows it: how fences name it
 * and how a block of it is read for risk. How a step of it runs is `src/execution/step-programs.ts`.
 */
export interface StepLanguageDefinition {
  /** Fence words that mean this language, lowercased (`bash`, `psql`); the key itself always does. */
  aliases: readonly string[];
  /**
   * The code as it will be read, same length as written so every offset found in it is an offset
   * into the code (a console transcript's prompts and output blanked).
   */
  prepare: (code: string, fence: FenceInfo) => string;
  /**
   * Reads the commands of `masked` (the prepared code, template placeholders blanked) and classifies
   * each one's risk; `code` is the code as written, for quoting; never throws on bad input.
   */
  read: (masked: string, code: string, positions: TextPositions) => Promise<LanguageReading>;
}
