/**
 * Line numbers and offset conversions for one code block. The shell parser (Go compiled to JS)
 * reports UTF-8 byte offsets, while spans handed to callers are UTF-16 string offsets, so French
 * comments (`é` is 2 bytes) would otherwise shift every span after them.
 */
export class TextPositions {
  private readonly lineStarts: number[];
  private byteToIndex: Int32Array | null = null;
  private readonly ascii: boolean;

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.ascii = !/[^\x00-\x7f]/.test(text);
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

  /** The text of each line, without the newline. */
  lines(): string[] {
    return this.text.split('\n');
  }

  /** Converts a UTF-8 byte offset (as the shell parser reports it) into a UTF-16 offset. */
  fromByteOffset(byteOffset: number): number {
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    const map = this.byteToIndex ?? this.buildByteMap();
    return map[Math.max(0, Math.min(byteOffset, map.length - 1))] ?? this.text.length;
  }

  private buildByteMap(): Int32Array {
    const text = this.text;
    const map = new Int32Array(text.length * 3 + 1);
    let byte = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i) ?? 0;
      // Lone surrogates become U+FFFD (3 bytes) on the Go side, like any other BMP character.
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let k = 0; k < size; k++) map[byte + k] = i;
      byte += size;
      if (code > 0xffff) i++;
    }
    map[byte] = text.length;
    this.byteToIndex = map.subarray(0, byte + 1);
    return this.byteToIndex;
  }
}
