/**
 * Signals to a step's whole process group. The step's bash is spawned detached, so it leads its
 * own group (pgid = its pid) and every child it forks — `sleep 100 &`, both sides of a pipe —
 * belongs to it unless it deliberately leaves (setsid).
 */

/** Sends `signal` to every process of the group; false when the group no longer exists. */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EPERM: only processes we may not signal are left (e.g. a command run through sudo).
    if (code === 'ESRCH' || code === 'EPERM') return false;
    throw error;
  }
}

const pollMs = 100;

/**
 * SIGTERM to the group, then SIGKILL to whatever is left after `graceMs`. The group is polled so
 * the SIGKILL is not sent once it is gone: its id could by then belong to a new group. Timers are
 * unref'd: a leftover being killed must not keep the server (or a test run) alive.
 */
export function terminateProcessGroup(pgid: number, graceMs: number): void {
  if (!signalProcessGroup(pgid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  const poll = setInterval(
    () => {
      if (!signalProcessGroup(pgid, 0)) {
        clearInterval(poll);
      } else if (Date.now() >= deadline) {
        clearInterval(poll);
        signalProcessGroup(pgid, 'SIGKILL');
      }
    },
    Math.min(pollMs, Math.max(1, graceMs)),
  );
  poll.unref();
}
