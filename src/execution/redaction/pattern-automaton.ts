/**
 * An Aho–Corasick automaton over UTF-16 code units: one pass over the text finds every pattern,
 * whatever their number, and the state it ends in tells how much of the text's tail could still
 * grow into a pattern — exactly what a stream must hold back, and nothing more.
 *
 * Measured by bench/redaction.ts against one RegExp of the same forms as escaped alternatives:
 * V8 tries the alternatives one after the other at each position, so its cost grows with the
 * number of secret forms, while the automaton's does not.
 */
import { buildPatternTrie } from './pattern-trie.js';

/** Called for the longest pattern ending at `end` (exclusive, in the scanned text's positions). */
export type OnPatternMatch = (end: number, pattern: number) => void;

export interface PatternAutomaton {
  /** Length in code units of each pattern, by index. */
  readonly patternLengths: readonly number[];
  /** The longest pattern's length, 0 without patterns. */
  readonly maxPatternLength: number;
  /**
   * Feeds `text` from position `from` on, starting in `state` (0 is the start), and returns the
   * state reached. Reports, at each position, only the longest pattern ending there: any shorter
   * one ending at the same place lies inside it.
   */
  scan(text: string, from: number, state: number, onMatch: OnPatternMatch): number;
  /** Length of the longest tail of the text fed so far that is a proper prefix of some pattern. */
  heldLength(state: number): number;
}

/** Cells of the dense transition table by default: 4 MB at most, whatever the number of secrets. */
const defaultDenseCells = 1 << 20;

/**
 * Builds the automaton for non-empty `patterns`, in time linear in their total length.
 * `denseCells` caps the dense table (tests lower it to exercise the sparse path).
 */
export function buildPatternAutomaton(patterns: readonly string[], denseCells = defaultDenseCells): PatternAutomaton {
  const { children, order, fail, output, held } = buildPatternTrie(patterns);
  const count = children.length;

  // Sparse edges for every node: nearly all have exactly one child, a form's characters in a row.
  const edgeStart = new Int32Array(count + 1);
  const codes = new Uint16Array(count);
  const targets = new Int32Array(count);
  // Code units used by some pattern get a class; every other one is class 0 and leads to the root.
  const classOf = new Uint16Array(0x10000);
  const classCodes: number[] = [0];
  let edges = 0;
  for (let node = 0; node < count; node += 1) {
    edgeStart[node] = edges;
    for (const [code, child] of children[node]!) {
      codes[edges] = code;
      targets[edges] = child;
      edges += 1;
      if (classOf[code] === 0) {
        classOf[code] = classCodes.length;
        classCodes.push(code);
      }
    }
  }
  edgeStart[count] = edges;

  function step(from: number, code: number): number {
    let node = from;
    for (;;) {
      for (let edge = edgeStart[node]!, end = edgeStart[node + 1]!; edge < end; edge += 1) {
        if (codes[edge] === code) return targets[edge]!;
      }
      if (node === 0) return 0;
      node = fail[node]!;
    }
  }

  // Dense rows for the shallowest nodes, where a scan of ordinary text spends nearly all its
  // time (a false start rarely goes deeper than two or three characters); deeper nodes, reached
  // mostly inside real matches, walk their edges. The budget bounds memory for huge secret sets.
  const classes = classCodes.length;
  const rows = Math.min(count, Math.max(1, Math.floor(denseCells / classes)));
  const rowOf = new Int32Array(count).fill(-1);
  const table = new Int32Array(rows * classes);
  for (let row = 0; row < rows; row += 1) {
    const node = order[row]!;
    rowOf[node] = row;
    for (let cls = 1; cls < classes; cls += 1) table[row * classes + cls] = step(node, classCodes[cls]!);
  }

  const patternLengths = patterns.map((pattern) => pattern.length);
  return {
    patternLengths,
    maxPatternLength: patternLengths.reduce((max, length) => Math.max(max, length), 0),
    scan(text, from, state, onMatch) {
      let node = state;
      for (let i = from; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        const row = rowOf[node]!;
        node = row !== -1 ? table[row * classes + classOf[code]!]! : step(node, code);
        const pattern = output[node]!;
        if (pattern !== -1) onMatch(i + 1, pattern);
      }
      return node;
    },
    heldLength: (state) => held[state]!,
  };
}
