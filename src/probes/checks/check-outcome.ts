import type { Observation, ObservedValues } from '../probe-model.js';
import type { CheckBudget } from './check-timing.js';

/**
 * The observation of a check whose target could not be reached: `CONNECTED` false, the time
 * spent, and why — the budget's reason when it ran out or was cancelled (a socket destroyed on
 * abort reports a meaningless `ECONNRESET` or `AbortError`), else the error itself.
 */
export function unreachedObservation(budget: CheckBudget, error: unknown, values: ObservedValues = {}): Observation {
  const latencyMs = budget.elapsedMs();
  return {
    reached: false,
    latencyMs,
    values: { CONNECTED: false, RESPONSE_TIME: latencyMs, ...values },
    error: budget.stopReason() ?? describeError(error),
  };
}

/**
 * A one-line description of a Node error, as an operator reads it in a probe's history:
 * `ECONNREFUSED 127.0.0.1:5432` (the syscall prefix dropped), `ENOTFOUND db.internal`,
 * `certificate has expired (CERT_HAS_EXPIRED)` (the code added when the message lacks it),
 * `wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)`.
 */
export function describeError(error: unknown): string {
  // Happy-eyeballs connects (a name with both ::1 and 127.0.0.1) fail with one error per address.
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeError))].join('; ');
  }
  if (!(error instanceof Error)) return String(error);
  const { code, syscall, reason } = error as NodeJS.ErrnoException & { reason?: unknown };
  // OpenSSL's messages carry its queue, file and line (`80…:error:0A00010B:SSL routines:…:350:`);
  // its `reason` (`wrong version number`) is the part an operator needs.
  let message =
    typeof reason === 'string' && code?.startsWith('ERR_SSL_') === true
      ? reason
      : error.message.replace(/\s*\n\s*/g, ' ').trim();
  if (syscall !== undefined && message.startsWith(`${syscall} `)) message = message.slice(syscall.length + 1);
  if (message === '') return code ?? error.name;
  if (code !== undefined && !message.includes(code)) return `${message} (${code})`;
  return message;
}
