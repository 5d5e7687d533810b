import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { freePort } from './daemon-process.js';
import { redisServerBinary } from './redis-process.js';

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

/** Whether Redis answers PING on `port` (`+PONG`, or `-NOAUTH` with a password set). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (answered: boolean): void => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(/^(\+PONG|-NOAUTH)/.test(data.toString('latin1'))));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** One redis-server process on `port`, ready (answering PING) when this resolves. */
async function spawnOnPort(port: number, extraArgs: readonly string[]): Promise<{ stop(): Promise<void> }> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(), ...extraArgs];
  const child = spawn(redisServerBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // If the test process ends without stop(), do not leave the server behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    })();
    return stopped;
  };
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { stop };
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
    running = await spawnOnPort(port, extraArgs).catch((error: unknown) => {
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
      running ??= await spawnOnPort(port, extraArgs);
    },
  };
}
