/** Where a loop reports a failed round; the loop itself goes on. */
export type JobErrorSink = (error: unknown, job: string) => void;

/**
 * Runs `work` every `intervalMs`, one round at a time (the next is scheduled when one ends, so
 * rounds never overlap however slow the database is). A failed round is reported and the loop
 * goes on: nothing is thrown out of a timer. `stop()` waits for the round in progress.
 */
export class JobLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Woken during a round: what woke it may have come too late for that round, so another follows at once. */
  private again = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
    private readonly onError: JobErrorSink,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Runs one round now (tests, and a caller that knows work is due); waits for a round in progress first. */
  async runOnce(): Promise<void> {
    while (this.running !== null) await this.running;
    this.running = this.work()
      .catch((error: unknown) => this.onError(error, this.name))
      .finally(() => {
        this.running = null;
        // A round run from outside the loop while its timer waits: the wake-up is honoured now.
        if (this.again && this.timer !== null) this.schedule();
      });
    await this.running;
  }

  /**
   * Runs a round as soon as possible rather than at the next interval (work known to be due):
   * at once when idle, right after the round in progress otherwise. Nothing once stopped.
   */
  wake(): void {
    if (this.stopped) return;
    this.again = true;
    if (this.running === null) this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.running !== null) await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    const delay = this.again ? 0 : this.intervalMs;
    this.again = false;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce().then(() => this.schedule());
    }, delay);
    // A loop alone must not keep the process alive (the HTTP server does that).
    this.timer.unref();
  }
}
