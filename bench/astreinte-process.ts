import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/project-root.js';
import type { Database } from '../src/storage/database.js';
import { migrateDatabase } from '../src/storage/migrate.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../src/storage/postgres-database.js';

/**
 * An Astreinte server run by a bench as a child process, as `npm start` runs it (built by
 * `npm run build`, then `node bin/astreinte.js serve`: no TypeScript loader in the measured
 * process), on 127.0.0.1 and a free port, with logging off.
 * The embedded database goes in a fresh temporary folder unless a PostgreSQL URL is given.
 * (test/support/daemon-process.ts starts binaries by polling a ready path; a bench needs what the
 * server prints, its URL and first admin token, hence this separate starter.)
 */
export interface AstreinteProcess {
  url: string;
  adminToken: string;
  /** The embedded database's folder, null on PostgreSQL. */
  dataDir: string | null;
  /** The server's process id (CPU and memory readings). */
  pid: number;
  /** SIGTERM (graceful: accepted alerts are committed), then waits for the exit; safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server and removes its temporary folder. */
  remove(): Promise<void>;
}

export interface AstreinteOptions {
  databaseUrl?: string;
  /** Extra environment for the server (`ASTREINTE_…` settings). */
  env?: Record<string, string>;
  /** Extra Node options for the server, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Fills the new database (migrated, not bootstrapped) before the server starts: PGlite admits one process at a time. */
  prepare?: (db: Database) => Promise<void>;
  /**
   * Restarts on the database of a server that ran before (its `dataDir`, or `databaseUrl`): no
   * first admin token is printed then, so `adminToken` is ''; the folder is left to its first owner.
   */
  restart?: { dataDir: string | null };
}

/** Starts the server and waits for its URL and first admin token (so the database must be new). */
export async function startAstreinte(options: AstreinteOptions = {}): Promise<AstreinteProcess> {
  const folder =
    options.databaseUrl === undefined && options.restart === undefined
      ? await mkdtemp(join(tmpdir(), 'astreinte-bench-'))
      : null;
  const dataDir = options.restart?.dataDir ?? (folder === null ? null : join(folder, 'data'));
  const database = dataDir === null ? ['--database-url', options.databaseUrl!] : ['--data-dir', dataDir];
  await buildOnce();
  if (options.prepare !== undefined) {
    const db = dataDir === null ? await openPostgresDatabase(options.databaseUrl!) : await openPgliteDatabase(dataDir);
    try {
      await migrateDatabase(db);
      await options.prepare(db);
    } finally {
      await db.close();
    }
  }
  const args = [
    ...(options.nodeArgs ?? []),
    join('bin', 'astreinte.js'),
    'serve',
    ...database,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--log-level',
    'silent',
  ];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot(),
    env: { ...serverEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  // The end of stderr only: enough to explain a failed start, bounded for long runs.
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors = (errors + chunk).slice(-8000)));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timer);
    })());
  const remove = async (): Promise<void> => {
    await stop();
    if (folder !== null) await rm(folder, { recursive: true, force: true });
  };
  try {
    const url = (
      await printed(child, () => `${output}\n${errors}`, /^Astreinte listening on (http:\/\/\S+)$/m, 60_000)
    )[1]!;
    if (options.restart !== undefined) return { url, adminToken: '', dataDir, pid: child.pid!, stop, remove };
    // Printed right after the URL, on the first start of an empty database only.
    const token = await printed(child, () => `${output}\n${errors}`, /^First admin token .*: (ast_\S+)$/m, 3_000).catch(
      () => {
        throw new Error(
          'the server printed no first admin token: the bench needs a new, empty database (CREATE DATABASE …)',
        );
      },
    );
    return { url, adminToken: token[1]!, dataDir, pid: child.pid!, stop, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

let built: Promise<void> | undefined;

/** `npm run build`, once per bench run: the server runs from dist/, as `npm start` runs it. */
function buildOnce(): Promise<void> {
  built ??= new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: projectRoot(), stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code})`))));
  });
  return built;
}

/** This environment without the developer's Astreinte settings, which would change the server. */
function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('ASTREINTE_') && key !== 'DATABASE_URL') env[key] = value;
  }
  return env;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The first match of `pattern` in what the child printed; rejects if it exits or times out first. */
async function printed(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = output().match(pattern);
    if (match !== null) return match;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    if (Date.now() > deadline)
      throw new Error(`the server did not print ${pattern} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
