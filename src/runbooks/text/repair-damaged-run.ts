import { isAcceptableRepair } from './char-plausibility.js';
import type { CodepageTable } from './codepages.js';
import { decodeRunBytes, runBytes, type GuessedRun, type TextRun } from './mojibake-runs.js';
import { missingAtEnd } from './utf8-sequences.js';

/** A repair that may swallow the following spaces and runs: the text `[runs[first].start, end)` becomes `text`. */
export interface DamagedRunRepair {
  text: string;
  end: number;
  /** Index of the last run the repair covers (the first one when it covers only its own run). */
  lastRun: number;
}

const space = 0x20;
const letter = /\p{L}/u;
const wordChar = /[\p{L}\p{N}]/u;

/**
 * Whether taking the space back as a no-break space would glue a symbol to the next word
 * (`ğŸ“ Campagne` read as `📠Campagne`): symbols and emoji are followed by a space, so that space
 * is a real one. Letters are not concerned: `VoilÃ  la` is `Voilà la`.
 */
function gluedToWord(repaired: string, after: number | undefined): boolean {
  if (after === undefined || !wordChar.test(String.fromCodePoint(after))) return false;
  const last = [...repaired].pop() ?? '';
  return !letter.test(last);
}

/**
 * Repairs a run that was damaged twice: misread, then partly destroyed. Only called for files
 * whose mojibake is consistent, where such a run is damage rather than an ordinary word. Two
 * readings compete, the more believable wins (see candidateScore), the first on a tie:
 * - a no-break space byte (0xA0) that an editor turned into a plain space: `Ã ` → `à`; the space
 *   is taken back as 0xA0 and the repair may reach into the next run. Only when `spacesMayBeNbsp`
 *   (the caller rules it out for files that kept their misread no-break spaces elsewhere), and
 *   never to glue a symbol to the next word;
 * - bytes the codepage has no character for, which the misreading decoder dropped or wrote as
 *   U+FFFD: `âš\u00a0ï¸` (⚠ + the variation selector lost its 0x8F), `âŒ` (❌ lost its 0x9D),
 *   `â€\ufffd` (`”` lost 0x9D).
 * Returns null when no single believable repair exists; the caller leaves the text untouched.
 */
export function repairDamagedRun(
  text: string,
  runs: readonly TextRun[],
  first: number,
  { table, spacesMayBeNbsp }: { table: CodepageTable; spacesMayBeNbsp: boolean },
): DamagedRunRepair | null {
  const run = runs[first];
  if (run === undefined) return null;
  const bytes = runBytes(text, run.start, run.end, table);
  if (bytes === null) return null;
  const previous = run.start > 0 ? (text.codePointAt(run.start - 1) ?? -1) : -1;
  const believable = (guess: GuessedRun | null): guess is GuessedRun =>
    guess !== null && guess.score > 0 && isAcceptableRepair(guess.text);

  let best: DamagedRunRepair | null = null;
  let bestScore = 0;
  if (spacesMayBeNbsp && table.nbspIsA0 && missingAtEnd(bytes) > 0) {
    const extended = [...bytes];
    let end = run.end;
    let lastRun = first;
    while (missingAtEnd(extended) > 0 && text.charCodeAt(end) === space) {
      extended.push(0xa0);
      end += 1;
      const next = runs[lastRun + 1];
      if (next === undefined || next.start !== end) continue;
      const more = runBytes(text, next.start, next.end, table);
      if (more === null) break;
      extended.push(...more);
      end = next.end;
      lastRun += 1;
    }
    const guess = end > run.end ? decodeRunBytes(extended, table, { allowDamage: true, previous }) : null;
    if (believable(guess) && !gluedToWord(guess.text, text.codePointAt(end))) {
      [best, bestScore] = [{ text: guess.text, end, lastRun }, guess.score];
    }
  }
  const inPlace = decodeRunBytes(bytes, table, { allowDamage: true, previous });
  if (believable(inPlace) && inPlace.score > bestScore) best = { text: inPlace.text, end: run.end, lastRun: first };
  return best;
}
