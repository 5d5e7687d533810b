/**
 * Tells the event streams of this node that a step execution changed (output stored, ended), so
 * a stream sends it within milliseconds rather than at its next poll. This node's own records
 * notify it directly; changes recorded on other nodes arrive through the node's live fan-out
 * (`LiveChanges.onSteps`, from the database's notifications).
 */
export class ExecutionChanges {
  private readonly waiters = new Map<string, Set<() => void>>();

  notify(executionId: string): void {
    const waiting = this.waiters.get(executionId);
    if (waiting === undefined) return;
    this.waiters.delete(executionId);
    for (const wake of waiting) wake();
  }

  /** Wakes every waiter: notifications may have been lost, so each stream reads again. */
  notifyAll(): void {
    for (const executionId of [...this.waiters.keys()]) this.notify(executionId);
  }

  /** Resolves on the next change of `executionId`, after `ms`, or when `abort` resolves. */
  wait(executionId: string, ms: number, abort?: Promise<unknown>): Promise<void> {
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
      void abort?.then(wake);
    });
  }
}
