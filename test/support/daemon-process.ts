import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server program started for a test, on 127.0.0.1, with its files in a temporary folder. */
export interface DaemonProcess {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
  /** Stops the process and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface DaemonOptions {
  /** For error messages: `Prometheus`, `Alertmanager`. */
  name: string;
  binary: string;
  /** Files to write in the folder before the start (name → content). */
  files: Record<string, string>;
  /** The command line, given the folder and the port chosen. */
  args: (folder: string, port: number) => string[];
  /** Answers 200 once the program is ready. */
  readyPath: string;
  timeoutMs?: number;
}

/** A port free right now; another process could take it before the daemon does, hence the retries. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function startOnce(options: DaemonOptions): Promise<DaemonProcess> {
  const folder = await mkdtemp(join(tmpdir(), `astreinte-${options.name.toLowerCase()}-`));
  for (const [name, content] of Object.entries(options.files)) await writeFile(join(folder, name), content);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(options.binary, options.args(folder, port), { stdio: ['ignore', 'pipe', 'pipe'] });
  // Keep the end of the log only: enough to explain a failed start, bounded for long runs.
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // If the test process ends without stop() (a crash, a timeout), do not leave the daemon behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited(child);
        clearTimeout(timer);
      }
      await rm(folder, { recursive: true, force: true });
    })();
    return stopped;
  };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${options.name} exited with code ${child.exitCode}:\n${log}`);
      if (
        await fetch(`${url}${options.readyPath}`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error(`${options.name} was not ready after ${timeoutMs} ms:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop };
}

/** Starts a daemon and waits until it is ready, trying three times (a port can be taken meanwhile). */
export async function startDaemon(options: DaemonOptions): Promise<DaemonProcess> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
