/**
 * The construction half of the Aho–Corasick automaton (`pattern-automaton.ts` compiles it into
 * flat tables for scanning): a trie of the patterns over UTF-16 code units, with failure links
 * and, per node, the longest pattern it ends and the longest proper pattern prefix it ends with.
 */

export interface PatternTrie {
  /** Children of each node by code unit; node 0 is the root. */
  readonly children: readonly Map<number, number>[];
  /** Nodes in breadth-first order, the root first: a node's failure target comes before it. */
  readonly order: readonly number[];
  /** Node reached for the longest proper suffix of a node's string that is in the trie. */
  readonly fail: Int32Array;
  /** Index of the longest pattern that is a suffix of the node's string, or -1. */
  readonly output: Int32Array;
  /** Length of the longest suffix of the node's string that is a proper prefix of a pattern. */
  readonly held: Int32Array;
}

/**
 * Builds the trie of non-empty `patterns`, in time linear in their total length. When two
 * patterns are equal the first one's index is kept: the same form can come from two secrets.
 */
export function buildPatternTrie(patterns: readonly string[]): PatternTrie {
  const children: Map<number, number>[] = [new Map<number, number>()];
  const depth: number[] = [0];
  const terminal: number[] = [-1];
  patterns.forEach((pattern, index) => {
    let node = 0;
    for (let i = 0; i < pattern.length; i += 1) {
      const code = pattern.charCodeAt(i);
      let next = children[node]!.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        depth.push(i + 1);
        terminal.push(-1);
        children[node]!.set(code, next);
      }
      node = next;
    }
    if (terminal[node] === -1) terminal[node] = index;
  });

  const count = children.length;
  const fail = new Int32Array(count);
  const output = new Int32Array(count).fill(-1);
  const held = new Int32Array(count);
  const order: number[] = [0];
  for (let head = 0; head < order.length; head += 1) {
    const node = order[head]!;
    const own = terminal[node]!;
    output[node] = own !== -1 || node === 0 ? own : output[fail[node]!]!;
    // A node with children is itself a proper prefix; a leaf defers to its failure chain.
    held[node] = children[node]!.size > 0 ? depth[node]! : node === 0 ? 0 : held[fail[node]!]!;
    for (const [code, child] of children[node]!) {
      fail[child] = node === 0 ? 0 : follow(children, fail, fail[node]!, code);
      order.push(child);
    }
  }
  return { children, order, fail, output, held };
}

/** Goto with failure on the trie, from `from` by `code`; only used while building. */
function follow(children: readonly Map<number, number>[], fail: Int32Array, from: number, code: number): number {
  let node = from;
  for (;;) {
    const next = children[node]!.get(code);
    if (next !== undefined) return next;
    if (node === 0) return 0;
    node = fail[node]!;
  }
}
