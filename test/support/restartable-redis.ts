import { freePort } from './daemon-process.js';
import { spawnRedisOnPort } from './redis-process.js';

/**
 * A redis-server that can be stopped and started again on the same port, as an operator restarts
 * one: what a probe must see go down and come back under the same URL. (`startRedisServer` picks
 * a new free port on every start.) Without persistence, so it comes back empty.
 */
export interface RestartableRedis {
  port: number;
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  /** SIGTERM, then waits for the exit (SIGKILL after 5 s); safe when already stopped. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING; safe when running. */
  start(): Promise<void>;
}

/**
 * Starts a restartable redis-server with `extraArgs` on a free port (three tries: a free port can
 * be taken before the server binds it). Call `stop()` in afterAll.
 */
export async function startRestartableRedis(extraArgs: readonly string[] = []): Promise<RestartableRedis> {
  let port = 0;
  let running: { stop(): Promise<void> } | null = null;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && running === null; attempt++) {
    port = await freePort();
    running = await spawnRedisOnPort(port, extraArgs).catch((error: unknown) => {
      lastError = error;
      return null;
    });
  }
  if (running === null) throw lastError;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const current = running;
      running = null;
      await current?.stop();
    },
    start: async () => {
      running ??= await spawnRedisOnPort(port, extraArgs);
    },
  };
}
