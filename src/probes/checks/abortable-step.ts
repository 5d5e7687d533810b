/**
 * Settles as `step` does, or rejects with the signal's reason as soon as it aborts. Client
 * libraries (pg, ioredis) take no AbortSignal: this lets a check give up at once, and the caller
 * then closes the connection, which makes the abandoned step fail (silently: it is observed here).
 */
export function untilAborted<T>(step: Promise<T>, signal: AbortSignal): Promise<T> {
  // The step may still reject after the signal won the race: that rejection must not go unhandled.
  step.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's own reason, whatever its aborter chose
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the step's own rejection, passed on as it is
        reject(error);
      },
    );
  });
}
