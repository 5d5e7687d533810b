import { describe, expect, it } from 'vitest';
import {
  completions,
  decodeUtf8Sequence,
  missingAtEnd,
  splitSequences,
  UNKNOWN_BYTE,
} from '../../../src/runbooks/text/utf8-sequences.js';

// ignoreBOM: a lone EF BB BF is U+FEFF here, not a byte-order mark to strip.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function byTextDecoder(seq: number[]): number {
  try {
    const text = strict.decode(Uint8Array.from(seq));
    return [...text].length === 1 ? (text.codePointAt(0) ?? -1) : -1;
  } catch {
    return -1;
  }
}

/** The sequences among `seqs` on which the hand-written decoder and TextDecoder disagree. */
function disagreements(seqs: number[][]): number[][] {
  return seqs.filter((seq) => decodeUtf8Sequence(seq) !== byTextDecoder(seq));
}

describe('utf8 sequences', () => {
  it('decodes every two-byte sequence and the three-byte ones at every limit exactly as a fatal TextDecoder does', () => {
    const seqs: number[][] = [];
    for (let b0 = 0x80; b0 <= 0xff; b0 += 1) {
      for (let b1 = 0x00; b1 <= 0xff; b1 += 1) {
        seqs.push([b0, b1]);
        if (b0 >= 0xe0 && b0 <= 0xef && b1 >= 0x70 && b1 <= 0xcf)
          for (const b2 of [0x41, 0x7f, 0x80, 0xa0, 0xbf, 0xc0]) seqs.push([b0, b1, b2]);
      }
    }
    expect(disagreements(seqs)).toEqual([]);
  });

  it('decodes four-byte sequences exactly as a fatal TextDecoder does, limits included', () => {
    const seqs: number[][] = [];
    for (let b0 = 0xf0; b0 <= 0xf7; b0 += 1) {
      for (let b1 = 0x70; b1 <= 0xcf; b1 += 1) {
        for (const rest of [
          [0x80, 0x80],
          [0xbf, 0xbf],
          [0x9f, 0x9a],
          [0x80, 0x41],
        ])
          seqs.push([b0, b1, ...rest]);
      }
    }
    expect(disagreements(seqs)).toEqual([]);
  });

  it('splits bytes into sequences and tells a short sequence from an impossible one', () => {
    expect(splitSequences([0xc3, 0xa9, 0xe2, 0x80, 0x99])).toEqual([
      { start: 0, end: 2, missing: 0, unknowns: 0 },
      { start: 2, end: 5, missing: 0, unknowns: 0 },
    ]);
    expect(splitSequences([0xe2, 0x9d, 0xf0, 0x9f, 0x9a, UNKNOWN_BYTE])).toEqual([
      { start: 0, end: 2, missing: 1, unknowns: 0 },
      { start: 2, end: 6, missing: 0, unknowns: 1 },
    ]);
    expect(splitSequences([0xa9])).toBeNull();
    expect(splitSequences([0xe9])).toBeNull();
    expect(missingAtEnd([0xc3])).toBe(1);
    expect(missingAtEnd([0xe2, 0x9a])).toBe(1);
    expect(missingAtEnd([0xe9])).toBe(2);
    expect(missingAtEnd([0xc3, 0xa9])).toBe(0);
  });

  it('completes a damaged sequence with each lost byte at each possible position', () => {
    expect(completions([0xe2, 0x8c], true, [0x81, 0x9d, 0xf0])).toEqual([
      [0xe2, 0x81, 0x8c],
      [0xe2, 0x9d, 0x8c],
      [0xe2, 0x8c, 0x81],
      [0xe2, 0x8c, 0x9d],
    ]);
    expect(completions([0xe2, 0x80, UNKNOWN_BYTE], false, [0x81, 0x9d])).toEqual([
      [0xe2, 0x80, 0x81],
      [0xe2, 0x80, 0x9d],
    ]);
  });
});
