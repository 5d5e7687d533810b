import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import type { Database } from '../storage/database.js';
import { openDatabase } from '../storage/open-database.js';
import { CliError } from './cli-io.js';

/**
 * PGlite does not lock its data folder: a second process opens it without complaint and the two
 * then overwrite each other's pages. What it does leave is `postmaster.pid` while the database is
 * open (removed on a clean close). `astreinte serve` also writes `astreinte-server.json` with its
 * real pid, so a folder left behind by a killed server can be told from one still in use.
 */
const pgliteOpenMarker = 'postmaster.pid';
const serverRecordFile = 'astreinte-server.json';

interface ServerRecord {
  pid: number;
  url: string;
  startedAt: string;
}

/** Where the database of `config` is, for messages (the password of a URL is hidden). */
export function describeDatabase(config: Config): string {
  if (config.databaseUrl === undefined) return `the embedded database in ${resolve(config.dataDir)}`;
  return `PostgreSQL at ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`;
}

/**
 * Refuses to open an embedded data folder another process has open (a running server), with
 * what to do instead. PostgreSQL needs no such check.
 */
export function assertDataDirFree(config: Config): void {
  if (config.databaseUrl !== undefined) return;
  const dir = resolve(config.dataDir);
  const server = readServerRecord(dir);
  if (server !== undefined && server.pid !== process.pid && processIsAlive(server.pid)) {
    throw new CliError(
      `the embedded database in ${dir} is in use by the Astreinte server running as pid ${server.pid} (${server.url})`,
      1,
      [
        '  the embedded database (PGlite) can be open in only one process at a time:',
        '  stop that server first, or use a PostgreSQL database (--database-url) to share one between processes.',
        `  If no such server runs (the pid was reused), delete ${join(dir, serverRecordFile)} and retry.`,
      ],
    );
  }
  if (existsSync(join(dir, pgliteOpenMarker)) && server === undefined) {
    throw new CliError(`the embedded database in ${dir} is open in another process (an Astreinte server?)`, 1, [
      '  the embedded database (PGlite) can be open in only one process at a time: stop that process first.',
      `  If none is running (it was killed), delete ${join(dir, pgliteOpenMarker)} and retry.`,
    ]);
  }
  // Otherwise the marker, if any, was left by a server that is gone (its pid is dead): safe to open.
}

/** Opens the database `config` names, after checking that an embedded one is free. */
export async function openCliDatabase(config: Config): Promise<Database> {
  assertDataDirFree(config);
  try {
    return await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl === undefined ? resolve(config.dataDir) : undefined,
      poolSize: 2,
    });
  } catch (error) {
    throw new CliError(`cannot open ${describeDatabase(config)}: ${(error as Error).message}`);
  }
}

/** Records the running server in its embedded data folder; the returned function removes the record. */
export function recordRunningServer(config: Config, url: string, startedAt: Date): () => void {
  if (config.databaseUrl !== undefined) return () => undefined;
  const file = join(resolve(config.dataDir), serverRecordFile);
  const record: ServerRecord = { pid: process.pid, url, startedAt: startedAt.toISOString() };
  writeFileSync(file, `${JSON.stringify(record)}\n`);
  return () => rmSync(file, { force: true });
}

function readServerRecord(dir: string): ServerRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, serverRecordFile), 'utf8')) as Partial<ServerRecord>;
    if (typeof parsed.pid === 'number' && typeof parsed.url === 'string')
      return { pid: parsed.pid, url: parsed.url, startedAt: String(parsed.startedAt) };
  } catch {
    // no record (never served by the CLI, or stopped cleanly), or an unreadable one: treated as absent
  }
  return undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
