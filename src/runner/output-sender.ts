import type { OutputChunkWire, RunnerApi } from './runner-api.js';
import { RunnerApiError } from './runner-api.js';

/**
 * Sends a step's (already redacted) output to the server in order, one request at a time: the
 * first output `firstDelayMs` after it was printed — responders see a step start within tens of
 * milliseconds, and most diagnosis commands are over by then, their whole output going with the
 * end in one request instead of two — and then whatever accumulated while the previous request
 * was out, at most every `intervalMs`. A request that
 * fails on the network is tried again (the output waits, in order); an answer that the step is
 * no longer this runner's, or was cancelled, calls `onStop`.
 */
export class OutputSender {
  private pending: OutputChunkWire[] = [];
  private sending: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSent = 0;
  private firstAt = 0;
  private stopped = false;

  constructor(
    private readonly api: RunnerApi,
    private readonly executionId: string,
    private readonly onStop: (why: 'cancelled' | 'gone') => void,
    /** Until when a failed request may be tried again besides its own ten minutes (the runner sets it when it stops). */
    private readonly retryUntil: () => number,
    private readonly intervalMs = 100,
    private readonly firstDelayMs = 25,
  ) {}

  push(chunk: OutputChunkWire): void {
    if (this.firstAt === 0) this.firstAt = Date.now();
    this.pending.push(chunk);
    this.schedule();
  }

  /**
   * Waits for the request in flight, then hands back what was not sent yet (to go with the end
   * report) and sends nothing more. Empty when the server refused the step.
   */
  async takeRest(): Promise<OutputChunkWire[]> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.sending !== null) await this.sending;
    const rest = this.stopped ? [] : this.pending;
    this.pending = [];
    this.stopped = true;
    return rest;
  }

  private schedule(): void {
    if (this.sending !== null || this.timer !== null || this.stopped) return;
    const wait =
      (this.lastSent === 0 ? this.firstAt + this.firstDelayMs : this.lastSent + this.intervalMs) - Date.now();
    if (wait <= 0) return this.start();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, wait);
  }

  private start(): void {
    if (this.pending.length === 0 || this.sending !== null || this.stopped) return;
    const batch = this.pending;
    this.pending = [];
    this.lastSent = Date.now();
    this.sending = this.send(batch).finally(() => {
      this.sending = null;
      if (this.pending.length > 0) this.schedule();
    });
  }

  private async send(batch: OutputChunkWire[]): Promise<void> {
    const giveUpAt = Date.now() + retryForMs;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { cancel } = await this.api.output(this.executionId, batch);
        if (cancel) this.onStop('cancelled');
        return;
      } catch (error) {
        if (error instanceof RunnerApiError) {
          // Not ours any more (interrupted, cancelled, unknown), or the token is gone: stop the step.
          this.stopped = true;
          this.pending = [];
          this.onStop('gone');
          return;
        }
        // The server stayed out of reach: the output is dropped and the step stopped (the server
        // declares it interrupted when this runner's heartbeat lapses).
        if (Date.now() > Math.min(giveUpAt, this.retryUntil())) {
          this.stopped = true;
          this.pending = [];
          this.onStop('gone');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * 2 ** attempt)));
      }
    }
  }
}

/** How long one batch is tried again while the server is out of reach. */
export const retryForMs = 600_000;
