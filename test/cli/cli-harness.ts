import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { projectRoot } from '../../src/core/project-root.js';
import { startNode, type RunningNode } from '../../src/node/start-node.js';
import { testConfig } from '../support/test-app.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output and only the environment given. */
export async function runCaptured(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    now: () => new Date(),
  });
  return { code, stdout, stderr };
}

/** A temporary folder and its removal. */
export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'astreinte-cli-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A real server on a free port and an embedded database in `dataDir` (no local runner: these run no step). */
export function startTestServer(dataDir: string): Promise<RunningNode> {
  return startNode(testConfig({ port: 0, dataDir }));
}

/** A port nothing listens on (taken, then released). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The environment for child processes, without any Astreinte setting of the developer's shell, and
 * no local runner for `serve` unless a test asks (`ASTREINTE_LOCAL_RUNNER: 'true'`): most run no step.
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('ASTREINTE_') && key !== 'DATABASE_URL') env[key] = value;
  }
  return { ...env, ASTREINTE_LOCAL_RUNNER: 'false', ...extra };
}

export interface CliProcess {
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (rejects if the process ends first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts the CLI from its sources as a child process (`node --import tsx src/cli/entry.ts …`). */
export function spawnCli(args: string[], env: Record<string, string> = cleanEnv()): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'cli', 'entry.ts'), ...args], {
    cwd: projectRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
      for (const listener of listeners) listener();
    });
  });
  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal) => void child.kill(signal),
    waitFor: (pattern, timeoutMs = 45_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = out.match(pattern);
          if (match !== null) done(() => resolve(match));
          else if (child.exitCode !== null || child.signalCode !== null)
            done(() => reject(new Error(`exited before ${pattern}: ${out}\n${err}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${out}\n${err}`))),
          timeoutMs,
        );
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
  };
}
