/**
 * Line numbers for one code block. Offsets everywhere in the step analysis are UTF-16 string
 * offsets (tree-sitter reports them that way too when it parses a JS string), so French comments
 * and emoji need no conversion.
 */
export class TextPositions {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line of a UTF-16 offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}
