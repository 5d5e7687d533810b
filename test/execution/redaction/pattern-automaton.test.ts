import { describe, expect, it } from 'vitest';
import { buildPatternAutomaton } from '../../../src/execution/redaction/pattern-automaton.js';
import { expectedHeld, int, randomText, seededRandom } from './random-cases.js';

/** Longest pattern ending at each position, the first index among equal ones (brute force). */
function expectedMatches(text: string, patterns: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (let end = 1; end <= text.length; end += 1) {
    let best = -1;
    patterns.forEach((pattern, index) => {
      if (text.slice(0, end).endsWith(pattern) && (best === -1 || pattern.length > patterns[best]!.length))
        best = index;
    });
    if (best !== -1) found.push([end, best]);
  }
  return found;
}

// A tiny alphabet makes patterns share prefixes and suffixes, where failure links matter.
const alphabet = ['a', 'b', 'c'];

describe('the pattern automaton', () => {
  for (const denseCells of [1 << 20, 8, 1]) {
    it(`reports the longest pattern ending at each position, with ${denseCells} dense cells`, () => {
      for (let seed = 1; seed <= 300; seed += 1) {
        const random = seededRandom(seed);
        const patterns = Array.from({ length: int(random, 1, 8) }, () =>
          randomText(random, alphabet, int(random, 1, 6)),
        );
        const text = randomText(random, alphabet, int(random, 0, 60));
        const found: [number, number][] = [];
        buildPatternAutomaton(patterns, denseCells).scan(text, 0, 0, (end, pattern) => found.push([end, pattern]));
        expect(found, `seed ${seed}`).toEqual(expectedMatches(text, patterns));
      }
    });

    it(`knows after each character how long a tail could still become a pattern, with ${denseCells} dense cells`, () => {
      for (let seed = 1; seed <= 200; seed += 1) {
        const random = seededRandom(seed);
        const patterns = Array.from({ length: int(random, 1, 8) }, () =>
          randomText(random, alphabet, int(random, 1, 6)),
        );
        const automaton = buildPatternAutomaton(patterns, denseCells);
        const text = randomText(random, alphabet, int(random, 0, 40));
        let state = 0;
        for (let i = 0; i < text.length; i += 1) {
          state = automaton.scan(text.slice(0, i + 1), i, state, () => undefined);
          expect(automaton.heldLength(state), `seed ${seed} at ${i}`).toBe(
            expectedHeld(text.slice(0, i + 1), patterns),
          );
        }
      }
    });
  }

  it('resumes a scan in the state an earlier one ended in', () => {
    const automaton = buildPatternAutomaton(['needle']);
    const found: number[] = [];
    const state = automaton.scan('hay nee', 0, 0, (end) => found.push(end));
    automaton.scan('hay needle', 7, state, (end) => found.push(end));
    expect(found).toEqual([10]);
  });

  it('finds nothing and holds nothing without patterns', () => {
    const automaton = buildPatternAutomaton([]);
    const state = automaton.scan('anything 🚀', 0, 0, () => expect.unreachable());
    expect(automaton.heldLength(state)).toBe(0);
    expect(automaton.maxPatternLength).toBe(0);
  });
});
