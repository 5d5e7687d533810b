/**
 * When this node last recorded each token's use. `last_used_at` is kept to the minute: a node
 * that recorded a token's use less than a minute ago skips the write (most requests), one
 * statement fewer on every call.
 */
export class TokenTouches {
  private readonly touched = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  /** Whether the use of `tokenId` at `now` should be written; remembers it when so. */
  due(tokenId: string, now: Date): boolean {
    const last = this.touched.get(tokenId);
    if (last !== undefined && now.getTime() - last < touchEveryMs) return false;
    // Re-inserted last: the first key is the least recently written, dropped when full.
    this.touched.delete(tokenId);
    if (this.touched.size >= this.max) this.touched.delete(this.touched.keys().next().value!);
    this.touched.set(tokenId, now.getTime());
    return true;
  }
}

const touchEveryMs = 60_000;
