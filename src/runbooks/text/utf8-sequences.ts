/**
 * UTF-8 at the byte level, for mojibake repair: a damaged run is turned back into the bytes it was
 * decoded from, and those bytes may have lost one byte per sequence (a decoder dropped it) or carry
 * placeholders (a decoder wrote U+FFFD). This file only knows UTF-8; which byte is plausible is
 * decided by the caller.
 */

/** Stands for a byte a decoder replaced by U+FFFD: some continuation byte, but which one is unknown. */
export const UNKNOWN_BYTE = -2;

/** One UTF-8 sequence inside a run's bytes, `[start, end)`, and how it is damaged. */
export interface SequenceShape {
  start: number;
  end: number;
  /** 1 when a continuation byte is missing (the sequence ends early), else 0. */
  missing: 0 | 1;
  /** How many UNKNOWN_BYTE placeholders it holds. */
  unknowns: number;
}

/** How many continuation bytes a lead byte announces; -1 when the byte cannot start a sequence. */
export function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

function isContinuationLike(byte: number): boolean {
  return (byte >= 0x80 && byte <= 0xbf) || byte === UNKNOWN_BYTE;
}

/**
 * Cuts `bytes` into sequences by their lead bytes. Returns null when they cannot be UTF-8 even
 * allowing one lost byte per sequence: a stray continuation byte, an impossible lead, or a
 * sequence short by two bytes or more. The shapes are not validated further (see decodeUtf8Sequence).
 */
export function splitSequences(bytes: readonly number[]): SequenceShape[] | null {
  const shapes: SequenceShape[] = [];
  let i = 0;
  while (i < bytes.length) {
    const need = continuationCount(bytes[i] ?? -1);
    if (need < 0) return null;
    let j = i + 1;
    let unknowns = 0;
    while (j < bytes.length && j - i - 1 < need && isContinuationLike(bytes[j] ?? -1)) {
      if (bytes[j] === UNKNOWN_BYTE) unknowns += 1;
      j += 1;
    }
    const missing = need - (j - i - 1);
    if (missing > 1) return null;
    shapes.push({ start: i, end: j, missing: missing === 1 ? 1 : 0, unknowns });
    i = j;
  }
  return shapes;
}

/** How many continuation bytes the last sequence of `bytes` still waits for (0 when complete). */
export function missingAtEnd(bytes: readonly number[]): number {
  for (let back = 1; back <= 4 && back <= bytes.length; back += 1) {
    const byte = bytes[bytes.length - back] ?? -1;
    if (isContinuationLike(byte)) continue;
    return Math.max(0, continuationCount(byte) - (back - 1));
  }
  return 0;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * The code point of one complete sequence, or -1. Exactly as strict as
 * `new TextDecoder('utf-8', { fatal: true })`: no overlong forms, no surrogates, nothing past
 * U+10FFFF (a test checks the two agree). Done by hand because a throwing decoder is far too slow
 * to probe thousands of candidate sequences.
 */
export function decodeUtf8Sequence(seq: readonly number[]): number {
  const [b0 = -1, b1 = -1, b2 = -1, b3 = -1] = seq;
  if (seq.length === 2) {
    if (b0 < 0xc2 || b0 > 0xdf || !isContinuation(b1)) return -1;
    return ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  }
  if (seq.length === 3) {
    if (b0 < 0xe0 || b0 > 0xef || !isContinuation(b1) || !isContinuation(b2)) return -1;
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return -1;
    return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  }
  if (seq.length === 4) {
    if (b0 < 0xf0 || b0 > 0xf4 || !isContinuation(b1) || !isContinuation(b2) || !isContinuation(b3)) return -1;
    if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return -1;
    return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  }
  return -1;
}

/**
 * Every way to complete a damaged sequence with bytes from `lost` (the bytes the damaging decoder
 * could not represent): a missing byte may have stood at any position after the lead, and each
 * placeholder may be any lost continuation byte. Capped, since more guesses only mean ambiguity.
 */
export function completions(seq: readonly number[], missing: boolean, lost: readonly number[]): number[][] {
  const lostContinuations = lost.filter(isContinuation);
  let partial: number[][] = [[...seq]];
  if (missing) {
    partial = [];
    for (let at = 1; at <= seq.length; at += 1) {
      for (const byte of lostContinuations) partial.push([...seq.slice(0, at), byte, ...seq.slice(at)]);
    }
  }
  const complete: number[][] = [];
  const fill = (bytes: number[]): void => {
    if (complete.length >= 512) return;
    const hole = bytes.indexOf(UNKNOWN_BYTE);
    if (hole < 0) {
      complete.push(bytes);
      return;
    }
    for (const byte of lostContinuations) fill(bytes.map((b, k) => (k === hole ? byte : b)));
  };
  for (const bytes of partial) fill(bytes);
  return complete;
}
