/**
 * Wakes whoever waits for "something changed": each `notify()` releases every waiter. A waiter
 * reads `generation` before it reads the database and passes it to `wait`, so a change notified
 * while it read releases it at once rather than being missed. `close()` releases everyone, for good.
 */
export class ChangeSignal {
  private waiters = new Set<() => void>();
  private notified = 0;
  private closed = false;

  /** Counts notifications; read it before looking at the data. */
  get generation(): number {
    return this.notified;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** How many wait right now (gauges: streams following live, runners' claims waiting). */
  get waiting(): number {
    return this.waiters.size;
  }

  notify(): void {
    this.notified += 1;
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  /**
   * Resolves on the next `notify()`, after `ms` (the safety poll), when `abort` resolves (the
   * client left), on `close()` — or at once when closed or notified since `since`.
   */
  wait(ms: number, since = this.notified, abort?: Promise<unknown>): Promise<void> {
    if (this.closed || since !== this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
      void abort?.then(wake);
    });
  }

  close(): void {
    this.closed = true;
    this.notify();
  }
}
