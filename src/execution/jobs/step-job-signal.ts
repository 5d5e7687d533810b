/**
 * Wakes the runners' claim requests waiting on this node as soon as a step becomes claimable here
 * (queued, approved, next in its chain), so a step starts within milliseconds instead of at the
 * next poll. Steps queued on other nodes are found by the waiters' own periodic look (see
 * `claimStepJobsWaiting`). `close()` releases every waiter, for shutdown.
 */
export class StepJobSignal {
  private waiters = new Set<() => void>();
  private closed = false;
  private notified = 0;

  /** Counts notifications: a waiter that read it before looking knows whether it missed one since. */
  get generation(): number {
    return this.notified;
  }

  notify(): void {
    this.notified += 1;
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  /**
   * Resolves on the next `notify()`, after `ms`, on `close()`, or at once once closed — or when a
   * notification came after `since` (a `generation` read before looking), so none is missed.
   */
  wait(ms: number, since = this.notified): Promise<void> {
    if (this.closed || since !== this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }

  /** How many claims wait on this node right now (a metric: runners idle and connected). */
  get waiting(): number {
    return this.waiters.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    this.notify();
  }
}
