/** Which stream a chunk of output came from. */
export type OutputStream = 'stdout' | 'stderr';

/** One piece of a step's output, as delivered to the caller. */
export interface OutputChunk {
  stream: OutputStream;
  /** Position across both streams, from 0, in arrival order. */
  seq: number;
  text: string;
  at: Date;
}

/** Byte counts once the process is done: everything it wrote, and what was not delivered. */
export interface OutputCounts {
  stdoutBytes: number;
  stderrBytes: number;
  truncatedBytes: number;
}

/**
 * Turns the raw chunks of stdout and stderr into text chunks: decoded per stream with streaming
 * decoders (a character split across two reads stays whole), numbered in arrival order, and cut
 * after `maxBytes` in total — later output is counted but not delivered, and one marker chunk
 * says so. The cap bounds what a noisy step (`journalctl -f`, `cat big.log`) can store.
 */
export class OutputCollector {
  private seq = 0;
  private delivered = 0;
  private truncated = false;
  private readonly bytes = { stdout: 0, stderr: 0 };
  private truncatedBytes = 0;
  private readonly decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };
  private failure: { error: unknown } | null = null;

  /**
   * `onDeliveryError` is called once, with the first exception `deliver` throws (a consumer that
   * broke): nothing more is delivered after it, and the program should be stopped.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly deliver: (chunk: OutputChunk) => void,
    private readonly onDeliveryError: (error: unknown) => void = () => undefined,
    /** The clock that stamps each chunk: the runner's. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The exception `deliver` threw, if it did: the run should reject with it once the program is stopped. */
  deliveryFailure(): { error: unknown } | null {
    return this.failure;
  }

  push(stream: OutputStream, data: Uint8Array): void {
    this.bytes[stream] += data.length;
    if (this.truncated) {
      this.truncatedBytes += data.length;
      return;
    }
    const room = this.maxBytes - this.delivered;
    if (data.length <= room) {
      this.emit(stream, this.decoders[stream].decode(data, { stream: true }));
      this.delivered += data.length;
      return;
    }
    const cut = utf8Boundary(data, Math.max(0, room));
    this.emit(
      stream,
      this.decoders[stream].decode(data.subarray(0, cut), { stream: true }) + this.decoders[stream].decode(),
    );
    this.delivered += cut;
    this.truncatedBytes += data.length - cut;
    this.truncated = true;
    this.emit(stream, `[output truncated after ${this.delivered} bytes]`);
  }

  /**
   * Counts output that was produced but never turned into text, because it was known to lie past
   * the cap (rows of a huge query result, say): counted as written and as truncated, with the
   * truncation marker if nothing was cut yet.
   */
  discard(stream: OutputStream, byteCount: number): void {
    if (byteCount <= 0) return;
    this.bytes[stream] += byteCount;
    this.truncatedBytes += byteCount;
    if (this.truncated) return;
    this.emit(stream, this.decoders[stream].decode());
    this.truncated = true;
    this.emit(stream, `[output truncated after ${this.delivered} bytes]`);
  }

  /** Delivers what the decoders still hold (an incomplete character at the very end becomes U+FFFD). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) this.emit(stream, this.decoders[stream].decode());
  }

  counts(): OutputCounts {
    return { stdoutBytes: this.bytes.stdout, stderrBytes: this.bytes.stderr, truncatedBytes: this.truncatedBytes };
  }

  private emit(stream: OutputStream, text: string): void {
    if (text === '' || this.failure !== null) return;
    try {
      this.deliver({ stream, seq: this.seq++, text, at: this.now() });
    } catch (error) {
      this.failure = { error };
      this.onDeliveryError(error);
    }
  }
}

/** The largest cut ≤ `limit` that does not split a UTF-8 sequence (continuation bytes are 10xxxxxx). */
function utf8Boundary(data: Uint8Array, limit: number): number {
  let cut = limit;
  while (cut > 0 && cut < data.length && ((data[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}
