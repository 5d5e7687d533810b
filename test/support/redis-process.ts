import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { freePort } from './daemon-process.js';

/** The Debian package's binary, unless ASTREINTE_REDIS_SERVER_BIN names another. */
export const redisServerBinary = process.env['ASTREINTE_REDIS_SERVER_BIN'] ?? '/usr/bin/redis-server';

/** A redis-server of its own (not the shared one on 6379), on 127.0.0.1 and a free port. */
export interface RedisProcess {
  port: number;
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  /** Kills the server and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
}

/** Why tests with a real Redis cannot run here, or null if they can. */
export function redisServerMissingReason(): string | null {
  return existsSync(redisServerBinary)
    ? null
    : `no redis-server at ${redisServerBinary} (install redis-server or set ASTREINTE_REDIS_SERVER_BIN)`;
}

/** Whether something answering as Redis listens on `port`: `+PONG`, or `-NOAUTH` when a password is required. */
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

/**
 * One redis-server process on `port`, without persistence (it starts empty), ready (answering
 * PING) when this resolves. `stop()` sends SIGTERM (SIGKILL after 5 s) and waits; safe twice.
 */
export async function spawnRedisOnPort(
  port: number,
  extraArgs: readonly string[] = [],
): Promise<{ stop: () => Promise<void> }> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    tmpdir(),
    ...extraArgs,
  ];
  const child = spawn(redisServerBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
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
 * Starts `redis-server` without persistence, with `extraArgs` (`['--requirepass', 'secret']`), and
 * waits until it answers PING. Tries three times: a free port can be taken meanwhile.
 */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisProcess> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const port = await freePort();
      const { stop } = await spawnRedisOnPort(port, extraArgs);
      return { port, url: `redis://127.0.0.1:${port}`, stop };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
