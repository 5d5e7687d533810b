/**
 * Tells the event streams of this node that a step execution changed (output stored, ended), so
 * a stream sends it within milliseconds rather than at its next poll. Changes recorded by other
 * nodes are still found by the streams' own periodic reads.
 */
export class ExecutionChanges {
  private readonly waiters = new Map<string, Set<() => void>>();

  notify(executionId: string): void {
    const waiting = this.waiters.get(executionId);
    if (waiting === undefined) return;
    this.waiters.delete(executionId);
    for (const wake of waiting) wake();
  }

  /** Resolves on the next change of `executionId`, or after `ms`. */
  wait(executionId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(executionId) ?? new Set<() => void>();
      const wake = (): void => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0 && this.waiters.get(executionId) === set) this.waiters.delete(executionId);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      set.add(wake);
      this.waiters.set(executionId, set);
    });
  }
}
