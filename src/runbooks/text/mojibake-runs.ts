import { candidateScore } from './char-plausibility.js';
import { NOT_IN_CODEPAGE, type CodepageTable } from './codepages.js';
import { completions, decodeUtf8Sequence, splitSequences } from './utf8-sequences.js';

/**
 * Runs of non-ASCII characters and their reading as UTF-8 bytes. Every byte of a multi-byte UTF-8
 * sequence is ≥ 0x80 and the four codepages keep ASCII as is, so the mojibake of one character
 * never contains ASCII: a maximal non-ASCII run is the unit of repair.
 */
export interface TextRun {
  start: number;
  end: number;
}

/** The maximal runs of code units above U+007F, in order. */
export function findNonAsciiRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) > 0x7f) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: text.length });
  return runs;
}

/**
 * The bytes the misreading decoded `text[start, end)` from, or null when a character cannot come
 * from this codepage. Unknown bytes (U+FFFD) come out as UNKNOWN_BYTE.
 */
export function runBytes(text: string, start: number, end: number, table: CodepageTable): number[] | null {
  const bytes: number[] = [];
  for (let i = start; i < end; i += 1) {
    const byte = table.toByte[text.charCodeAt(i)] ?? NOT_IN_CODEPAGE;
    if (byte === NOT_IN_CODEPAGE) return null;
    bytes.push(byte);
  }
  return bytes;
}

/**
 * Picks the one believable completion of a damaged sequence, or -1 when none is believable or the
 * best score is shared (📁, 📍 and 📞 all lost their last byte the same way: guessing would write
 * a wrong emoji into a runbook, so the run stays as it is).
 */
function bestCompletion(seq: readonly number[], missing: boolean, table: CodepageTable, previous: number): number {
  const scores = new Map<number, number>();
  for (const candidate of completions(seq, missing, table.lostBytes)) {
    const codePoint = decodeUtf8Sequence(candidate);
    if (codePoint >= 0) scores.set(codePoint, candidateScore(codePoint, previous));
  }
  let best = -1;
  let bestScore = 0;
  let tied = false;
  for (const [codePoint, score] of scores) {
    if (score > bestScore) [best, bestScore, tied] = [codePoint, score, false];
    else if (score === bestScore && score > 0) tied = true;
  }
  return tied ? -1 : best;
}

/** A run decoded with guesses, and how believable its least believable character is. */
export interface GuessedRun {
  text: string;
  score: number;
}

/**
 * Decodes a run's bytes as UTF-8. With `allowDamage` false every sequence must be complete, which
 * is the proof a repair needs when nothing else in the file vouches for it. With `allowDamage`
 * (only for files damaged throughout), sequences that lost a byte or hold U+FFFD placeholders are
 * completed with the single most believable lost byte, and every character is scored (see
 * candidateScore) so that rival readings of the same text can be compared; `previous` is the code
 * point before the run, or -1.
 */
export function decodeRunBytes(
  bytes: readonly number[],
  table: CodepageTable,
  { allowDamage, previous }: { allowDamage: boolean; previous: number },
): GuessedRun | null {
  const shapes = splitSequences(bytes);
  if (shapes === null) return null;
  let text = '';
  let prev = previous;
  let score = Number.POSITIVE_INFINITY;
  for (const shape of shapes) {
    const seq = bytes.slice(shape.start, shape.end);
    const damaged = shape.missing === 1 || shape.unknowns > 0;
    if (damaged && !allowDamage) return null;
    const codePoint = damaged ? bestCompletion(seq, shape.missing === 1, table, prev) : decodeUtf8Sequence(seq);
    if (codePoint < 0) return null;
    if (allowDamage) score = Math.min(score, candidateScore(codePoint, prev));
    text += String.fromCodePoint(codePoint);
    prev = codePoint;
  }
  return { text, score };
}

/**
 * Whether a run that could not be repaired still looks like damage under `table`: some lead byte
 * followed by a continuation byte, or a U+FFFD placeholder. A lone `Ã` is not counted, since it is
 * also an ordinary letter.
 */
export function looksDamaged(bytes: readonly number[] | null): boolean {
  if (bytes === null) return false;
  for (let i = 0; i + 1 < bytes.length; i += 1) {
    const lead = bytes[i] ?? 0;
    const next = bytes[i + 1] ?? 0;
    if (lead >= 0xc2 && lead <= 0xf4 && ((next >= 0x80 && next <= 0xbf) || next < 0)) return true;
  }
  return bytes.some((byte) => byte < 0);
}
