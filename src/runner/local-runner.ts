import { spawn, type ChildProcess } from 'node:child_process';
import { homedir, hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createApiToken } from '../auth/create-api-token.js';
import { projectRoot } from '../core/project-root.js';
import type { Database } from '../storage/database.js';
import { systemCtx } from '../core/context.js';

export interface LocalRunnerOptions {
  db: Database;
  /** The server's clock (token creation and revocation times). */
  now?: () => Date;
  /** Where the server listens: the runner connects to it like any remote runner. */
  url: string;
  sandbox: 'bwrap' | 'none';
  concurrency: number;
  /** Hidden from steps: the data folder, the configuration file … */
  hidden: readonly string[];
  writable: readonly string[];
  workdir?: string;
  logger: Logger;
  /** The server's log level: the runner's lines join the server's output only from `warn` up, unless debugging. */
  logLevel: string;
  logFormat: 'json' | 'pretty';
}

/** Local runner tokens of earlier starts that nobody used for a day: revoked, so they do not pile up. */
const revokeForgotten = `
  UPDATE api_tokens SET revoked_at = $1
   WHERE role = 'runner' AND name LIKE 'local runner %' AND revoked_at IS NULL AND COALESCE(last_used_at, created_at) < $1::timestamptz - interval '1 day'`;
const revokeToken = `UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`;

/**
 * The runner `serve` starts beside itself, as a separate process that talks to the server over
 * HTTP like any remote runner: a fresh runner token (revoked when the server stops), handed over
 * on its standard input — never on its command line or in its environment — whose closing also
 * tells it the server is gone. Its environment holds nothing of the server's. Restarted if it
 * dies; if it refuses to start (no sandbox), the reason is logged and it is not restarted.
 */
export async function startLocalRunner(options: LocalRunnerOptions): Promise<{ stop(): Promise<void> }> {
  const clock = options.now ?? (() => new Date());
  const now = clock();
  await options.db.query(revokeForgotten, [now]);
  const ctx = systemCtx(options.db, clock, 'local-runner');
  const { token, secret } = await createApiToken({
    ctx,
    input: { role: 'runner', name: `local runner ${hostname()} ${now.toISOString()}` },
  });
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  const launch = (): void => {
    const started = Date.now();
    child = spawnRunner(options);
    child.stdin?.write(`${secret}\n`);
    child.stdout?.on('data', (data: Buffer) => process.stdout.write(data));
    let complaint = '';
    child.stderr?.on('data', (data: Buffer) => (complaint += data.toString('utf8')).slice(-4000));
    child.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      const reason = complaint.trim() || `exit ${code ?? signal}`;
      // Exit 1 soon after start is a refusal (no sandbox, bad settings): said once, not retried in a loop.
      if (code === 1 && Date.now() - started < 10_000) {
        options.logger.error({ reason }, 'the local runner refused to start: steps cannot run until a runner connects');
        return;
      }
      restarts += 1;
      options.logger.error({ reason, restarts }, 'the local runner stopped; starting it again');
      setTimeout(() => stopping || launch(), Math.min(30_000, 1000 * restarts)).unref();
    });
  };
  launch();
  await registered(options.db, token.id, () => child === null);
  return {
    async stop() {
      stopping = true;
      const running = child;
      if (running !== null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
      }
      await options.db.query(revokeToken, [token.id, clock()]).catch(() => undefined);
    },
  };
}

const selectRegistered = `SELECT 1 FROM runners WHERE token_id = $1 LIMIT 1`;

/**
 * Waits (up to 15 s) for the runner to have registered, so that the server says it listens only
 * once steps can run — the first step of a fresh start never "waits for a runner". A runner that
 * exits meanwhile (refusing to start) ends the wait at once: the server runs without it.
 */
async function registered(db: Database, tokenId: string, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !gone()) {
    if ((await db.query(selectRegistered, [tokenId])).rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `astreinte runner`, from the same build as this server (compiled, or the sources under tsx). */
function spawnRunner(options: LocalRunnerOptions): ChildProcess {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSources ? '../cli/entry.ts' : '../cli/entry.js', import.meta.url));
  const args = [
    ...(fromSources ? ['--import', 'tsx'] : []),
    entry,
    'runner',
    '--url',
    options.url,
    '--token-stdin',
    '--name',
    `local (${hostname()})`,
    '--label',
    'local=true',
    '--concurrency',
    String(options.concurrency),
    '--sandbox',
    options.sandbox,
    '--log-level',
    ['debug', 'trace', 'silent', 'fatal', 'error'].includes(options.logLevel) ? options.logLevel : 'warn',
    '--log-format',
    options.logFormat,
    ...options.hidden.flatMap((path) => ['--hide', path]),
    ...options.writable.flatMap((path) => ['--writable', path]),
    ...(options.workdir === undefined ? [] : ['--workdir', options.workdir]),
  ];
  // Nothing of the server's environment: its database URL, secret key and tokens stay with it.
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? homedir(),
    LANG: process.env['LANG'] ?? 'C.UTF-8',
  };
  return spawn(process.execPath, args, { env, cwd: projectRoot(), stdio: ['pipe', 'pipe', 'pipe'] });
}
