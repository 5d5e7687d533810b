import type { Node } from 'mdast';

/** A place in the text, as mdast positions hold it. */
export type Point = NonNullable<Node['position']>['start'];

/**
 * Line starts of a text and the points (line, column, offset) mdast positions are made of.
 * markdown-it gives each block token the lines it spans (`map`); the columns and offsets the
 * extractor slices sources with are found here, from the text itself.
 */
export class SourceLines {
  /** Offset where each line starts (index 0 is line 1). */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offset where line `index` (0-based) starts. */
  startOf(index: number): number {
    return this.starts[Math.min(index, this.starts.length - 1)]!;
  }

  /** Offset just past the last character of line `index`, its line ending left out. */
  endOf(index: number): number {
    const next = this.starts[index + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** The point at `offset`, which lies on line `index` (0-based). */
  pointAt(index: number, offset: number): Point {
    return { line: index + 1, column: offset - this.startOf(index) + 1, offset };
  }

  /**
   * Where the content of line `index` starts: past indentation, and past the `>` markers of the
   * `quotes` block quotes it is in (a lazy continuation line may have fewer).
   */
  contentStart(index: number, quotes: number): number {
    const end = this.endOf(index);
    let at = this.skipBlanks(this.startOf(index), end);
    for (let left = quotes; left > 0 && at < end && this.text.charCodeAt(at) === 0x3e; left -= 1)
      at = this.skipBlanks(at + 1, end);
    return at;
  }

  private skipBlanks(from: number, end: number): number {
    let at = from;
    while (at < end && isBlank(this.text.charCodeAt(at))) at += 1;
    return at;
  }

  /** Offset past the last non-blank character of line `index`. */
  trimmedEnd(index: number): number {
    const start = this.startOf(index);
    let at = this.endOf(index);
    while (at > start && isBlank(this.text.charCodeAt(at - 1))) at -= 1;
    return at;
  }

  /** Whether line `index` holds nothing but whitespace (and the markers of its `quotes` block quotes). */
  isBlank(index: number, quotes: number): boolean {
    return this.contentStart(index, quotes) === this.endOf(index);
  }
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}
