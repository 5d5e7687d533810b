import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './daemon-process.js';

const run = promisify(execFile);
const postgresRoot = '/usr/lib/postgresql';

/** A role the cluster authenticates by password (scram-sha-256); every other role is trusted. */
export const passwordRole = { user: 'probe_password', password: 'right-password' } as const;

/** A throwaway PostgreSQL cluster on 127.0.0.1, its data in a temporary folder. */
export interface PostgresCluster {
  port: number;
  /** `postgres://user[:password]@127.0.0.1:PORT/database`; default user `postgres`, database `postgres`. */
  url(options?: { user?: string; password?: string; database?: string }): string;
  /** Starts it again after `stop()`. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`; safe when already stopped. */
  stop(): Promise<void>;
  /** Stops it and deletes its folder. */
  remove(): Promise<void>;
}

/** The newest installed server's `bin` folder (ASTREINTE_POSTGRES_BIN overrides), or null. */
function findBinaries(): string | null {
  const configured = process.env['ASTREINTE_POSTGRES_BIN'];
  if (configured !== undefined) return existsSync(join(configured, 'initdb')) ? configured : null;
  if (!existsSync(postgresRoot)) return null;
  const versions = readdirSync(postgresRoot)
    .filter((version) => existsSync(join(postgresRoot, version, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? null : join(postgresRoot, versions[0], 'bin');
}

/** Why tests with a real PostgreSQL server cannot run here, or null if they can. */
export function postgresBinariesMissingReason(): string | null {
  return findBinaries() === null
    ? `no PostgreSQL server binaries under ${postgresRoot} (install postgresql or set ASTREINTE_POSTGRES_BIN)`
    : null;
}

// PostgreSQL refuses to run as root: as root (here and in CI), run its programs as `postgres`.
const asRoot = process.getuid?.() === 0;

function command(binary: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

async function runPostgresProgram(binary: string, args: string[]): Promise<void> {
  const [file, fileArgs] = command(binary, args);
  await run(file, fileArgs, { timeout: 60_000 });
}

/**
 * Creates a cluster (`initdb -A trust -U postgres`, plus `passwordRole` checked by password),
 * starts it on a free port and waits until it accepts connections. Call `remove()` in afterAll.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findBinaries();
  if (bin === null) throw new Error(postgresBinariesMissingReason() ?? 'no PostgreSQL binaries');
  const folder = await mkdtemp(join(tmpdir(), 'astreinte-postgres-'));
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()),
    );
    await chown(folder, uid ?? 0, gid ?? 0);
  }
  const data = join(folder, 'data');
  await runPostgresProgram(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // The first matching line wins: the password role is checked before the trusted rest.
  const hba = await readFile(join(data, 'pg_hba.conf'), 'utf8');
  await writeFile(join(data, 'pg_hba.conf'), `host all ${passwordRole.user} 127.0.0.1/32 scram-sha-256\n${hba}`);
  let port = 0;
  let running = false;
  const pgCtl = (args: string[]): Promise<void> => runPostgresProgram(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  // Without -l the server would inherit pg_ctl's output and keep execFile waiting.
  const start = async (): Promise<void> => {
    await pgCtl([
      '-l',
      join(folder, 'server.log'),
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${folder} -c fsync=off`,
      '-w',
      'start',
    ]);
    running = true;
  };
  const stop = async (): Promise<void> => {
    if (!running) return;
    running = false;
    process.off('exit', stopOnExit);
    await pgCtl(['-m', 'fast', '-w', 'stop']);
  };
  // If the test process ends without remove() (a crash, a timeout), do not leave the server behind.
  const stopOnExit = (): void => {
    const [file, args] = command(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    if (running) execFileSync(file, args, { stdio: 'ignore' });
  };
  const url: PostgresCluster['url'] = (options = {}) => {
    const credentials =
      options.password === undefined
        ? (options.user ?? 'postgres')
        : `${options.user ?? 'postgres'}:${encodeURIComponent(options.password)}`;
    return `postgres://${credentials}@127.0.0.1:${port}/${options.database ?? 'postgres'}`;
  };
  try {
    // A free port can be taken before the server binds it: try a few.
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    process.once('exit', stopOnExit);
    await createPasswordRole(url());
  } catch (error) {
    await stop().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    get port() {
      return port;
    },
    url,
    start: async () => {
      await start();
      process.once('exit', stopOnExit);
    },
    stop,
    remove: async () => {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function createPasswordRole(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${passwordRole.user} LOGIN PASSWORD '${passwordRole.password}'`);
  } finally {
    await client.end();
  }
}
