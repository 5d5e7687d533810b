import { Redis, ReplyError } from 'ioredis';
import type { RedisTarget } from '../kinds/redis-probe.js';
import type { CheckOptions, Observation } from '../probe-model.js';
import { untilAborted } from './abortable-step.js';
import { describeError, unreachedObservation } from './check-outcome.js';
import { startBudget } from './check-timing.js';
import { parseRedisInfo } from './redis-info.js';

/** How long a graceful QUIT may take before the socket is dropped. */
const closeGraceMs = 1000;

/**
 * A Redis check: connects (one connection, closed at the end), sends `PING` and `INFO all`.
 * Fills `CONNECTED` (connected and authenticated: PING answered), `RESPONSE_TIME`, `PING`
 * (`PONG`) and `INFO` (every `key:value` line; numbers as numbers, `db0:keys=1,expires=0,avg_ttl=0`
 * and other `k=v,…` values as objects; `maxmemory` is 0 when unlimited).
 *
 * Never throws. A refused connection or a timeout before the server answered is `reached:
 * false`; an error reply (`NOAUTH`, `WRONGPASS`, `LOADING`, a database index out of range) is
 * `reached: true`, `CONNECTED: false`, with `error` set.
 */
export async function runRedisCheck(target: RedisTarget, options: CheckOptions): Promise<Observation> {
  const budget = startBudget(options);
  let redis: Redis | null = null;
  let answered = false;
  // ioredis reports the failures of its own setup (the socket's error, AUTH, SELECT) as events
  // only: the command that follows just fails with `Connection is closed.`, or even succeeds (on db 0).
  let setupError: unknown = null;
  try {
    redis = new Redis(target.url, {
      lazyConnect: true,
      connectTimeout: options.timeoutMs,
      commandTimeout: options.timeoutMs,
      // A probe observes: no retry, no reconnection, no queueing while disconnected.
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
      // The ready check (an INFO) would fail on NOAUTH before PING could report it.
      enableReadyCheck: false,
      // No connectionName: CLIENT SETNAME would fail for an ACL user allowed only PING and INFO.
    });
    // Errors are also reported here; without a listener ioredis logs them as unhandled.
    redis.on('error', (error: unknown) => {
      setupError ??= error;
    });
    await untilAborted(redis.connect(), budget.signal);
    // Sent behind AUTH and SELECT: once PONG is back, their replies have been read too.
    const pong = await untilAborted(redis.ping(), budget.signal);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- whatever ioredis reported: the catch below takes setupError itself
    if (setupError !== null) throw setupError;
    answered = true;
    const info = parseRedisInfo(await untilAborted(redis.info('all'), budget.signal));
    const latencyMs = budget.elapsedMs();
    return {
      reached: true,
      latencyMs,
      values: { CONNECTED: true, RESPONSE_TIME: latencyMs, PING: pong, INFO: info },
      error: null,
    };
  } catch (error) {
    const cause = setupError ?? error;
    // An error reply (`NOAUTH Authentication required.`, `WRONGPASS …`, `LOADING …`) means the server answered.
    if (!answered && !(cause instanceof ReplyError)) return unreachedObservation(budget, cause);
    const latencyMs = budget.elapsedMs();
    return {
      reached: true,
      latencyMs,
      values: { CONNECTED: answered, RESPONSE_TIME: latencyMs },
      error: budget.stopReason() ?? describeError(cause),
    };
  } finally {
    if (redis !== null) await closeConnection(redis, budget.signal.aborted);
    budget.end();
  }
}

/** QUIT when the connection is usable and the check was not stopped; else (or if QUIT hangs) drop the socket. */
async function closeConnection(redis: Redis, stopped: boolean): Promise<void> {
  if (stopped || redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  const timer = setTimeout(() => redis.disconnect(), closeGraceMs);
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
