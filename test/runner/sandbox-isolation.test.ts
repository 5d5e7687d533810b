import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, spawnCli, type CliProcess } from '../cli/cli-harness.js';
import { eventually } from '../support/eventually.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

/**
 * A real `serve` process, its local runner a child of it, and steps written the way someone who
 * got to write a runbook would try to read what the server holds: its environment, its data
 * folder, its configuration file, the other processes, the host's /tmp and the rest of the disk.
 */

const fence = '```';
const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
/** Written split in two inside steps, so the command line of the step never holds the whole value. */
const halves = (value: string): string => `"$(printf '%s%s' '${value.slice(0, 8)}' '${value.slice(8)}')"`;

interface Call {
  status: number;
  body: unknown;
}
type Api = (method: string, path: string, body?: unknown) => Promise<Call>;

interface Execution {
  id: string;
  stepId: string;
  status: string;
  startedAt: string | null;
  runner: { id: string; name: string } | null;
}

/** Pids whose parent is `parent`, from /proc. */
function childPids(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) found.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** The one `serve` process whose command line holds `needle` (its unique data folder or database URL). */
function servePid(needle: string): number {
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        return args.includes('serve') && args.includes(needle);
      } catch {
        return false;
      }
    });
  if (pids.length !== 1)
    throw new Error(`expected one process with ${needle} in its command line, found ${pids.length}`);
  return Number(pids[0]);
}

describe.each(testBackends)('steps run by the local runner of a real `serve` on $backend', ({ backend, available }) => {
  const secretKey = hex(32);
  const markerValue = `marker-${hex(12)}`;
  const storedSecret = `stored-${hex(12)}`;
  const publicMarker = `cfg-${hex(6)}`;
  const probe = hex(6);
  const hostTmpFile = `/tmp/astreinte-host-only-${probe}`;
  const outsideTmp = `/usr/local/astreinte-probe-${probe}`;
  let base = '';
  let dataDir = '';
  let configFile = '';
  let database: TestDatabase | null = null;
  let server: CliProcess | null = null;
  let serverPid = 0;
  let adminToken = '';
  let api: Api = () => Promise.reject(new Error('no server'));
  /** Output of each step, by step id, once the run is done. */
  const outputs = new Map<string, string>();
  const executions = new Map<string, Execution>();
  /** What no step may print, whatever it tries. */
  const forbidden: string[] = [secretKey, markerValue, storedSecret];

  const steps: Record<string, () => string> = {
    serverEnviron: () => `cat /proc/${serverPid}/environ | tr '\\0' '\\n'`,
    everyEnviron: () =>
      `for p in /proc/[0-9]*; do tr '\\0' '\\n' < $p/environ; tr '\\0' ' ' < $p/cmdline; echo; done 2>/dev/null`,
    env: () => 'env',
    processes: () => 'ps aux',
    dataFolder: () =>
      [
        `ls -la ${base}`,
        `echo "config bytes: $(wc -c < ${configFile})"`,
        `cat ${configFile}`,
        ...(backend === 'pglite'
          ? [`echo "data entries: $(find ${dataDir} -mindepth 1 | wc -l)"`, `cat ${dataDir}/* 2>&1`]
          : []),
      ].join('\n'),
    grep: () =>
      [
        `grep -rlsF -e ${halves(storedSecret)} -e ${halves(markerValue)} -e ${halves(secretKey)} ${backend === 'pglite' ? dataDir : ''} ${configFile} /proc/[0-9]*/environ`,
        'echo "grep exit $?"',
      ].join('\n'),
    readOnlyDisk: () => `touch ${outsideTmp}\necho "touch exit $?"`,
    privateTmp: () => `ls ${hostTmpFile}\necho "ls exit $?"\ntouch /tmp/inside-${probe} && echo "own tmp writable"`,
  };
  const stepIds = new Map(Object.keys(steps).map((name, index) => [name, `s${index + 1}`]));
  const outputOf = (name: string): string => outputs.get(stepIds.get(name)!) ?? '';

  beforeAll(async () => {
    if (!available) return;
    // Outside /tmp: the sandbox's private /tmp would hide a folder there whether or not it is hidden on purpose.
    base = await mkdtemp(join(homedir(), '.astreinte-sandbox-test-'));
    dataDir = join(base, 'data');
    configFile = join(base, 'astreinte.json');
    await mkdir(dataDir);
    writeFileSync(configFile, JSON.stringify({ publicUrl: `http://${publicMarker}.invalid` }));
    writeFileSync(hostTmpFile, "the host's /tmp\n");
    database = backend === 'postgres' ? await openTestDatabase('postgres', { migrate: false }) : null;
    if (database !== null) forbidden.push(database.url!, new URL(database.url!).pathname.slice(1));
    const where = database === null ? ['--data-dir', dataDir] : ['--database-url', database.url!];
    server = spawnCli(
      ['serve', '--port', '0', '--config', configFile, '--log-level', 'warn', ...where],
      cleanEnv({
        ASTREINTE_SECRET_KEY: secretKey,
        ASTREINTE_SERVER_ONLY_MARKER: markerValue,
        ASTREINTE_LOCAL_RUNNER: 'true',
      }),
    );
    const [, url] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
    [, adminToken] = (await server.waitFor(/^First admin token .*: (ast_\S+)$/m)) as [string, string];
    forbidden.push(adminToken);
    serverPid = servePid(database === null ? dataDir : database.url!);
    api = async (method, path, body) => {
      const response = await fetch(`${url!}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    };
    await eventually(
      'the local runner to connect',
      async () => {
        const runners = (await api('GET', '/api/v1/runners')).body as {
          connected: boolean;
          sandbox: string;
          labels: Record<string, string>;
        }[];
        return runners.find((runner) => runner.connected && runner.labels['local'] === 'true') ?? null;
      },
      30_000,
    );

    const stored = await api('PUT', `/api/v1/secrets/PAYMENT_API_KEY`, { value: storedSecret });
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    const runbook = [
      '# RUNBOOK: What a step can reach',
      '## Symptoms',
      '- someone wonders',
      '## Diagnosis',
      ...Object.values(steps).flatMap((code) => [`${fence}bash`, code(), fence]),
    ].join('\n');
    const imported = await api('POST', '/api/v1/runbook-sources', { filename: 'reach.md', content: runbook });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const runbookId = (imported.body as { runbooks: { id: string }[] }).runbooks[0]!.id;
    const run = (await api('POST', '/api/v1/runs', { runbookId })).body as { id: string };
    const started: { id: string; stepId: string }[] = [];
    for (const stepId of stepIds.values()) {
      const answer = await api('POST', `/api/v1/runs/${run.id}/steps/${stepId}/execute`, { confirm: true });
      expect(answer.status, `${stepId}: ${JSON.stringify(answer.body)}`).toBe(202);
      started.push({ id: (answer.body as { execution: { id: string } }).execution.id, stepId });
    }
    const ended = await eventually(
      'every step to end',
      async () => {
        const current = ((await api('GET', `/api/v1/runs/${run.id}`)).body as { executions: Execution[] }).executions;
        return current.length === started.length &&
          current.every((execution) => !['queued', 'running'].includes(execution.status))
          ? current
          : null;
      },
      40_000,
    );
    for (const execution of ended) {
      executions.set(execution.stepId, execution);
      const chunks = (await api('GET', `/api/v1/runs/${run.id}/executions/${execution.id}/output`)).body as {
        text: string;
      }[];
      outputs.set(execution.stepId, chunks.map((chunk) => chunk.text).join(''));
    }
  }, 90_000);

  afterAll(async () => {
    if (!available) return;
    if (server !== null) {
      // A graceful stop: serve stops its local runner first (which, idle, waits out its pending
      // claim: serve kills it after 10 s), then revokes the runner's token.
      const running = server;
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
      await running.exited;
      clearTimeout(timer);
    }
    await database?.close();
    if (base !== '') await rm(base, { recursive: true, force: true });
    rmSync(hostTmpFile, { force: true });
    // Only there if the sandbox failed to confine the steps.
    rmSync(outsideTmp, { force: true });
    rmSync(`/tmp/inside-${probe}`, { force: true });
  }, 30_000);

  it.skipIf(!available)('runs every probing step on the local runner, in bubblewrap', async () => {
    const runners = (await api('GET', '/api/v1/runners')).body as {
      id: string;
      sandbox: string;
      labels: Record<string, string>;
    }[];
    const local = runners.find((runner) => runner.labels['local'] === 'true');
    expect(local?.sandbox).toBe('bwrap');
    expect([...executions.keys()].sort()).toEqual([...stepIds.values()].sort());
    for (const execution of executions.values()) {
      expect(execution.startedAt, execution.stepId).not.toBeNull();
      expect(['succeeded', 'failed'], `${execution.stepId} ended ${execution.status}`).toContain(execution.status);
      expect(execution.runner?.id).toBe(local?.id);
    }
  });

  it.skipIf(!available)("prints none of the server's secrets, tokens or database URL, from any step", () => {
    // The values are there to be stolen on the host: the check below could fail.
    const hostEnviron = readFileSync(`/proc/${serverPid}/environ`, 'utf8');
    expect(hostEnviron).toContain(secretKey);
    expect(hostEnviron).toContain(markerValue);
    for (const [stepId, text] of outputs) {
      for (const value of forbidden) expect(text, `${stepId} printed ${value}`).not.toContain(value);
      // No token of any kind (the local runner's is unknown to the test), and nothing the server had to redact.
      expect(text, stepId).not.toMatch(/ast_[A-Za-z0-9_-]{20,}/);
      expect(text, stepId).not.toContain('[REDACTED:');
      expect(text, stepId).not.toContain(publicMarker);
    }
  });

  it.skipIf(!available)('cannot see the server process nor any process outside the step', () => {
    expect(childPids(serverPid).length).toBeGreaterThan(0);
    expect(outputOf('serverEnviron')).toContain('No such file or directory');
    const listed = outputOf('processes').trim().split('\n');
    expect(listed[0]).toMatch(/^USER\s+PID/);
    // bubblewrap's init, the step's bash and ps itself: nothing of the host.
    expect(listed.length, outputOf('processes')).toBeLessThanOrEqual(5);
    expect(outputOf('processes')).toContain('ps aux');
    expect(outputOf('processes')).not.toMatch(/node|postgres|redis|astreinte runner|tsx/);
    const everyEnviron = outputOf('everyEnviron');
    expect(everyEnviron).toContain('/bin/bash --noprofile --norc -c for p in /proc/');
    expect(everyEnviron).not.toMatch(/--token|entry\.ts|ASTREINTE_|DATABASE_URL/);
    expect(everyEnviron).not.toContain(process.execPath);
  });

  it.skipIf(!available)("gets a minimal environment with nothing of the server's", () => {
    const names = outputOf('env')
      .trim()
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('=')));
    expect(names).toContain('PATH');
    expect(names.filter((name) => name.startsWith('ASTREINTE_') || name === 'DATABASE_URL')).toEqual([]);
  });

  it.skipIf(!available)('finds the data folder and the configuration file empty', () => {
    const text = outputOf('dataFolder');
    // Hidden under /dev/null: empty, or a device it may not open (bubblewrap binds without device access).
    expect(text).toMatch(/^config bytes: 0$|astreinte\.json: Permission denied/m);
    expect(readFileSync(configFile, 'utf8')).toContain(publicMarker);
    if (backend === 'pglite') {
      // On the host the embedded database fills it.
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);
      expect(text).toContain('data entries: 0');
    }
    // Nothing found (1), or nothing found and some file unreadable (2): no file named either way.
    expect(outputOf('grep')).toMatch(/^grep exit [12]\n$/);
  });

  it.skipIf(!available)("cannot write outside its own /tmp, and does not see the host's /tmp", () => {
    expect(outputOf('readOnlyDisk')).toContain('Read-only file system');
    expect(outputOf('readOnlyDisk')).toMatch(/^touch exit 1$/m);
    expect(existsSync(outsideTmp)).toBe(false);
    expect(existsSync(hostTmpFile)).toBe(true);
    expect(outputOf('privateTmp')).toContain('No such file or directory');
    expect(outputOf('privateTmp')).toMatch(/^ls exit 2$/m);
    expect(outputOf('privateTmp')).toContain('own tmp writable');
    expect(existsSync(`/tmp/inside-${probe}`)).toBe(false);
  });
});
