import type { Socket } from 'node:net';
import type { CheckOptions } from '../probe-model.js';

/** Why a check was stopped before its target answered. */
export class CheckStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckStopped';
  }
}

/**
 * A check's time budget: one signal aborted when `timeoutMs` is spent or the runner's signal
 * aborts, whichever comes first, and the wall clock since the check started.
 */
export interface CheckBudget {
  /** Aborted (with a `CheckStopped` reason) on timeout or cancellation. */
  readonly signal: AbortSignal;
  /** Milliseconds since the check started, rounded to 0.01 ms. */
  elapsedMs(): number;
  /** `timeout after N ms`, `cancelled`, or null while the budget runs. */
  stopReason(): string | null;
  /** Clears the timer and the listener on the runner's signal; call once the check is over. */
  end(): void;
}

/** Starts the budget of one check: call first, and `end()` in a `finally`. */
export function startBudget(options: CheckOptions): CheckBudget {
  const startedAt = performance.now();
  const controller = new AbortController();
  let reason: string | null = null;
  const stop = (why: string): void => {
    if (reason !== null) return;
    reason = why;
    controller.abort(new CheckStopped(why));
  };
  const onCancel = (): void => stop('cancelled');
  const timer = setTimeout(() => stop(`timeout after ${options.timeoutMs} ms`), options.timeoutMs);
  if (options.signal?.aborted === true) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    elapsedMs: () => roundMs(performance.now() - startedAt),
    stopReason: () => reason,
    end: () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
    },
  };
}

/** Rounds a duration to 0.01 ms: finer digits are noise, but local checks often take under 1 ms. */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * Resolves when `socket` emits `readyEvent` (`connect`, `secureConnect`); rejects on its `error`
 * or when `signal` aborts, destroying the socket then so no half-open connection is left behind.
 */
export function waitForSocket(socket: Socket, readyEvent: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown): void => {
      socket.off(readyEvent, onReady);
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) {
        resolve();
        return;
      }
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the socket's error or the signal's reason, passed on as they are
      reject(error);
    };
    const onReady = (): void => settle();
    const onAbort = (): void => {
      socket.destroy();
      settle(signal.reason);
    };
    // Stays attached: an error after the ready event (a reset while the caller closes) must not
    // become an uncaught exception; settling twice is a no-op.
    socket.on('error', (error: Error) => settle(error));
    if (signal.aborted) return onAbort();
    socket.once(readyEvent, onReady);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
