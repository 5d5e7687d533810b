/**
 * Steps on runners: how fast a step's output reaches a responder, and how many short steps one
 * runner gets through. Two legs, each on its own server (built, as `npm start` runs it) and a
 * fresh database:
 *   local  — the runner `serve` starts beside itself (bubblewrap sandbox, concurrency 4);
 *   remote — `serve` with ASTREINTE_LOCAL_RUNNER=false and `astreinte runner --concurrency 4
 *            --sandbox bwrap` started here as a separate process with a runner token.
 * Each leg measures, over HTTP on 127.0.0.1:
 *   - first byte: from sending `POST …/steps/s1/execute` (`echo first; sleep 0.05; echo done`,
 *     read-only) to the first `output` event on that execution's SSE stream, over --latency
 *     sequential executions after --warm-up ones; with where the time goes, from the
 *     timestamps the server keeps (requested, claimed, output read by the runner);
 *   - throughput: --steps executions of s2 (`echo ok`) by --clients concurrent clients (one run
 *     and one incident each; each client executes, follows the SSE stream to its `end`, and goes
 *     on), from the first execute sent to the last end seen; after --throughput-warm-up steps run
 *     the same way on the server just started, whose rate is printed too ("cold");
 *   - RSS (and peak RSS) of the server and of the runner at the end; CPU of the server, the runner,
 *     its steps' bwrap and bash, this client and the REST of the machine (a shared machine's other
 *     work slows every figure: the "other load" column says how much there was), and per short step;
 *   - how long the runner and the server take to stop on SIGTERM.
 * Before the legs, the cost of starting bash in the sandbox alone (`bwrap … /bin/true`, and
 * `bwrap … bash -c 'echo first; echo done'` to its first byte) is measured here, with the
 * runner's sandbox arguments (no hidden or writable paths) and from this small process (the
 * runner's own spawn() costs more: forking a process takes longer the more memory it holds).
 * Targets: first byte p99 < 150 ms; ≥ 50 short steps/s.
 * Each leg stops after about --leg-seconds (first byte and throughput each get under half of it).
 *
 * Run: npx tsx bench/runner.ts [--latency 200] [--warm-up 20] [--steps 300] [--clients 8] [--throughput-warm-up 300]
 *      [--leg-seconds 60] [--legs local,remote] [--backends embedded,postgres] [--cpu-prof-dir DIR]
 * With ASTREINTE_BENCH_DATABASE_URL=postgres://user:pass@host/db (a role allowed to CREATE
 * DATABASE), the legs also run on PostgreSQL, each on a scratch database created and dropped here.
 * --cpu-prof-dir profiles the servers and the remote runner (.cpuprofile files written when they stop).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { projectRoot } from '../src/core/project-root.js';
import { bwrapArguments } from '../src/runner/sandbox/bwrap-launcher.js';
import { checkBwrap } from '../src/runner/sandbox/check-sandbox.js';
import { startAstreinte, type AstreinteProcess } from './astreinte-process.js';

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '200' },
    'warm-up': { type: 'string', default: '20' },
    steps: { type: 'string', default: '300' },
    clients: { type: 'string', default: '8' },
    'throughput-warm-up': { type: 'string', default: '300' },
    'leg-seconds': { type: 'string', default: '60' },
    legs: { type: 'string', default: 'local,remote' },
    backends: { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
  },
});
const latencyCount = Number(values.latency);
const warmUpCount = Number(values['warm-up']);
const stepCount = Number(values.steps);
const clientCount = Number(values.clients);
const throughputWarmUp = Number(values['throughput-warm-up']);
const legSeconds = Number(values['leg-seconds']);
const legNames = values.legs.split(',').filter((leg): leg is LegName => leg === 'local' || leg === 'remote');
const profileDir = values['cpu-prof-dir'];
const profileArgs = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
const postgresAdminUrl = process.env['ASTREINTE_BENCH_DATABASE_URL'];
const bwrap = checkBwrap();

type LegName = 'local' | 'remote';

const fence = '```';
const runbook = [
  '# RUNBOOK: Runner bench',
  '## Symptoms',
  '- a bench needs it',
  '## Diagnosis',
  `${fence}bash`,
  'echo first; sleep 0.05; echo done',
  fence,
  `${fence}bash`,
  'echo ok',
  fence,
].join('\n');

// ---------------------------------------------------------------------------------------------
// Small helpers: percentiles, /proc readings, HTTP with the admin token, an SSE reader.

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const sortedOf = (list: readonly number[]): number[] => [...list].sort((a, b) => a - b);
const ms = (value: number): string => (Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const pause = (delay: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, delay));

/** RSS and peak RSS (VmHWM) of a process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** CPU seconds of a process, and of its children it has waited for (the runner's bwrap/bash). */
function cpuOf(pid: number): { own: number; children: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return {
    own: (Number(fields[11]) + Number(fields[12])) / 100,
    children: (Number(fields[13]) + Number(fields[14])) / 100,
  };
}

/** Busy and total CPU time of the whole machine, in seconds (all cores; iowait counts as idle). */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: (total - fields[3]! - fields[4]!) / 100, total: total / 100 };
}

interface CpuShares {
  /** Shares of one core over the window's wall time. */
  server: number;
  runner: number;
  /** The runner's reaped children: bwrap and bash of its steps. */
  steps: number;
  bench: number;
  /** Everything else running on the machine meanwhile (other people's tests, builds …). */
  other: number;
  cores: number;
}

/** CPU used from now until the returned function is called: ours, per process, and the rest of the machine's. */
function cpuWindow(serverPid: number, runnerPid: number): () => CpuShares {
  const read = () => ({
    at: performance.now(),
    machine: machineCpu(),
    server: cpuOf(serverPid),
    runner: Number.isNaN(runnerPid) ? { own: NaN, children: NaN } : cpuOf(runnerPid),
    bench: process.cpuUsage(),
  });
  const before = read();
  return () => {
    const after = read();
    const wall = (after.at - before.at) / 1000;
    const server = after.server.own - before.server.own;
    const runner = after.runner.own - before.runner.own;
    const steps = after.runner.children - before.runner.children;
    const bench = (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1e6;
    const busy = after.machine.busy - before.machine.busy;
    return {
      server: server / wall,
      runner: runner / wall,
      steps: steps / wall,
      bench: bench / wall,
      other: Math.max(0, busy - server - runner - steps - bench) / wall,
      cores: (after.machine.total - before.machine.total) / wall,
    };
  };
}

/** The runner `serve` started: its child process running `… runner …`. */
function localRunnerPid(serverPid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === serverPid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes('runner'))
        return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

interface Api {
  call<T>(method: string, path: string, body?: unknown, expected?: number): Promise<T>;
  url: string;
  token: string;
}

function apiOf(astreinte: AstreinteProcess): Api {
  return {
    url: astreinte.url,
    token: astreinte.adminToken,
    async call<T>(method: string, path: string, body?: unknown, expected?: number): Promise<T> {
      const response = await fetch(`${astreinte.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${astreinte.adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (expected !== undefined ? response.status !== expected : response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return (text === '' ? null : JSON.parse(text)) as T;
    },
  };
}

interface SseEvent {
  event: string;
  data: string;
  /** When the read that completed it returned: performance.now() and Date.now(). */
  at: number;
  wallAt: number;
}

/** Follows an SSE stream, yielding each event as it completes; ends with the stream. */
async function* events(url: string, token: string, signal: AbortSignal): AsyncGenerator<SseEvent> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal,
  });
  if (response.status !== 200 || response.body === null)
    throw new Error(`SSE ${url}: ${response.status} ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const at = performance.now();
      const wallAt = Date.now();
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        yield { event, data: data.join('\n'), at, wallAt };
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// The sandbox alone: what spawning bash in bubblewrap costs, as the runner does it.

interface SpawnCost {
  name: string;
  samples: number[];
}

/** Time from spawn to exit (or to the first stdout byte with `firstByte`), in ms. */
function timeSpawn(file: string, args: string[], firstByte: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
      env: { PATH: '/usr/bin:/bin', HOME: '/tmp', LANG: 'C.UTF-8' },
    });
    let first: number | null = null;
    child.stdout.once('data', () => (first = performance.now() - start));
    child.stdout.resume();
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(firstByte ? (first ?? NaN) : performance.now() - start)
        : reject(new Error(`${file} exited ${code}`)),
    );
  });
}

async function measureSpawnCosts(): Promise<SpawnCost[]> {
  const sandbox = bwrapArguments({ writable: [], hidden: [] }, '/tmp');
  const bash = ['/bin/bash', '--noprofile', '--norc', '-c', 'echo first; echo done', 'astreinte-step'];
  const cases: { name: string; file: string; args: string[]; firstByte: boolean }[] = [
    { name: '/bin/true, bare', file: '/bin/true', args: [], firstByte: false },
    { name: 'bwrap … /bin/true', file: bwrap, args: [...sandbox, '--', '/bin/true'], firstByte: false },
    { name: 'bash -c echo, bare: first byte', file: bash[0]!, args: bash.slice(1), firstByte: true },
    { name: 'bwrap … bash -c echo: first byte', file: bwrap, args: [...sandbox, '--', ...bash], firstByte: true },
  ];
  const costs: SpawnCost[] = [];
  for (const { name, file, args, firstByte } of cases) {
    const samples: number[] = [];
    for (let i = 0; i < 45; i += 1) {
      const sample = await timeSpawn(file, args, firstByte);
      if (i >= 5) samples.push(sample);
    }
    costs.push({ name, samples });
  }
  return costs;
}

// ---------------------------------------------------------------------------------------------
// One leg: a server, its runner, the two measurements.

interface LatencySample {
  total: number;
  accepted: number;
  executionId: string;
  runId: string;
  sentWall: number;
  firstWall: number;
  outputAt: string;
}

interface Execution {
  id: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

interface LegResult {
  name: string;
  latency: number[];
  latencyPlanned: number;
  breakdown: { name: string; values: number[] }[];
  throughput: {
    ended: number;
    planned: number;
    failed: number;
    seconds: number;
    endToEnd: number[];
    /** The warm-up steps run before, on the server just started. */
    cold: { ended: number; seconds: number };
    breakdown: { name: string; values: number[] }[];
  };
  latencyCpu: CpuShares;
  throughputCpu: CpuShares;
  server: { rss: number; peak: number };
  runner: { rss: number; peak: number };
}

/** Starts a run of the bench runbook within an incident of its own. */
async function startRun(api: Api, runbookId: string, title: string): Promise<string> {
  const incident = await api.call<{ id: string }>('POST', '/api/v1/incidents', { title });
  return (await api.call<{ id: string }>('POST', '/api/v1/runs', { runbookId, incidentId: incident.id })).id;
}

/** Executes a step; resolves with the execution id, the execute's send time and answer time. */
async function execute(
  api: Api,
  runId: string,
  stepId: string,
): Promise<{ id: string; sent: number; sentWall: number; accepted: number }> {
  const sentWall = Date.now();
  const sent = performance.now();
  const result = await api.call<{ execution: { id: string } }>(
    'POST',
    `/api/v1/runs/${runId}/steps/${stepId}/execute`,
    {},
    202,
  );
  return { id: result.execution.id, sent, sentWall, accepted: performance.now() };
}

/** Follows one execution to its end; returns the first output event and the end. */
async function follow(
  api: Api,
  runId: string,
  executionId: string,
): Promise<{ first: SseEvent | null; end: SseEvent; status: string }> {
  let first: SseEvent | null = null;
  for await (const event of events(
    `${api.url}/api/v1/runs/${runId}/executions/${executionId}/events`,
    api.token,
    AbortSignal.timeout(20_000),
  )) {
    if (event.event === 'output' && first === null) first = event;
    if (event.event === 'end')
      return { first, end: event, status: (JSON.parse(event.data) as { status: string }).status };
    if (event.event === 'error') throw new Error(`SSE error: ${event.data}`);
  }
  throw new Error(`the event stream of ${executionId} closed without an end`);
}

async function waitForRunner(
  api: Api,
  match: (runner: { name: string; labels: Record<string, string> }) => boolean,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const runners = await api.call<{ name: string; labels: Record<string, string>; connected: boolean }[]>(
      'GET',
      '/api/v1/runners',
    );
    if (runners.some((runner) => runner.connected && match(runner))) return;
    if (Date.now() > deadline) throw new Error(`no runner connected within 30 s: ${JSON.stringify(runners)}`);
    await pause(100);
  }
}

interface RemoteRunner {
  pid: number;
  /** SIGTERM (SIGKILL 30 s later); resolves with the ms it took to exit and whether it was killed. */
  stop(): Promise<{ ms: number; killed: boolean }>;
}

/** `astreinte runner` as an operator starts it on another host, here on this one. */
async function startRemoteRunner(api: Api, hidden: readonly string[]): Promise<RemoteRunner> {
  const { secret } = await api.call<{ secret: string }>(
    'POST',
    '/api/v1/tokens',
    { role: 'runner', name: 'bench remote runner' },
    201,
  );
  const args = [
    ...profileArgs,
    join('bin', 'astreinte.js'),
    'runner',
    '--url',
    api.url,
    '--name',
    'bench-remote',
    '--label',
    'bench=remote',
    '--concurrency',
    '4',
    '--sandbox',
    'bwrap',
    ...hidden.flatMap((path) => ['--hide', path]),
  ];
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    LANG: 'C.UTF-8',
    ASTREINTE_RUNNER_TOKEN: secret,
  };
  // Its log (info: a line per step, as the local runner's) is read and dropped, as a service manager would take it.
  const child = spawn(process.execPath, args, { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors = (errors + chunk).slice(-4000)));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<{ ms: number; killed: boolean }> | undefined;
  const stop = (): Promise<{ ms: number; killed: boolean }> =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return { ms: 0, killed: false };
      const start = performance.now();
      child.kill('SIGTERM');
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, 30_000);
      await exited(child);
      clearTimeout(timer);
      return { ms: performance.now() - start, killed };
    })());
  try {
    await Promise.race([
      waitForRunner(api, (runner) => runner.labels['bench'] === 'remote'),
      exited(child).then(() => {
        throw new Error(`the remote runner exited: ${errors}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, stop };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** A scratch database on the PostgreSQL server, dropped by `drop()`. */
async function scratchDatabase(adminUrl: string, leg: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `astreinte_bench_runner_${leg}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

async function runLeg(leg: LegName, backend: 'embedded' | 'PostgreSQL'): Promise<LegResult> {
  const name = `${backend}, ${leg === 'local' ? 'local runner (serve)' : 'remote runner process'}`;
  console.log(`\n— ${name}`);
  const scratch = backend === 'PostgreSQL' ? await scratchDatabase(postgresAdminUrl!, leg) : null;
  const astreinte = await startAstreinte({
    ...(scratch === null ? {} : { databaseUrl: scratch.url }),
    env: { ASTREINTE_RUNNER_SANDBOX: 'bwrap', ASTREINTE_LOCAL_RUNNER: leg === 'local' ? 'true' : 'false' },
    nodeArgs: profileArgs,
  }).catch(async (error: unknown) => {
    await scratch?.drop();
    throw error;
  });
  let remote: RemoteRunner | null = null;
  try {
    const api = apiOf(astreinte);
    const legDeadline = Date.now() + legSeconds * 1000;
    let runnerPid: number;
    if (leg === 'local') {
      await waitForRunner(api, (runner) => runner.labels['local'] === 'true');
      runnerPid = localRunnerPid(astreinte.pid) ?? NaN;
    } else {
      // The same data folder hidden from steps as the local runner hides (same sandbox arguments).
      remote = await startRemoteRunner(api, astreinte.dataDir === null ? [] : [astreinte.dataDir]);
      runnerPid = remote.pid;
    }
    const imported = await api.call<{ runbooks: { id: string }[] }>(
      'POST',
      '/api/v1/runbook-sources',
      { filename: 'runner-bench.md', content: runbook },
      201,
    );
    const runbookId = imported.runbooks[0]!.id;

    // First byte: sequential executions of s1, the warm-up ones not counted.
    const latencyRun = await startRun(api, runbookId, 'runner bench: first byte');
    const latencyDeadline = Date.now() + legSeconds * 1000 * 0.45;
    const samples: LatencySample[] = [];
    let latencyCpu = cpuWindow(astreinte.pid, runnerPid);
    for (let i = 0; i < warmUpCount + latencyCount && Date.now() < latencyDeadline; i += 1) {
      const started = await execute(api, latencyRun, 's1');
      const { first, status } = await follow(api, latencyRun, started.id);
      if (status !== 'succeeded' || first === null)
        throw new Error(`s1 ended ${status}${first === null ? ' with no output' : ''}`);
      if (i < warmUpCount) {
        latencyCpu = cpuWindow(astreinte.pid, runnerPid);
        continue;
      }
      samples.push({
        total: first.at - started.sent,
        accepted: started.accepted - started.sent,
        executionId: started.id,
        runId: latencyRun,
        sentWall: started.sentWall,
        firstWall: first.wallAt,
        outputAt: (JSON.parse(first.data) as { at: string }).at,
      });
    }
    const latencyShares = latencyCpu();
    const run = await api.call<{ executions: Execution[] }>('GET', `/api/v1/runs/${latencyRun}`);
    const byId = new Map(run.executions.map((execution) => [execution.id, execution]));
    const parts = {
      toServer: [] as number[],
      claim: [] as number[],
      spawn: [] as number[],
      delivery: [] as number[],
      accepted: [] as number[],
      duration: [] as number[],
    };
    for (const sample of samples) {
      const execution = byId.get(sample.executionId)!;
      const requested = Date.parse(execution.requestedAt);
      const claimed = Date.parse(execution.startedAt!);
      const output = Date.parse(sample.outputAt);
      parts.accepted.push(sample.accepted);
      parts.toServer.push(requested - sample.sentWall);
      parts.claim.push(claimed - requested);
      parts.spawn.push(output - claimed);
      parts.delivery.push(sample.firstWall - output);
      parts.duration.push(execution.durationMs ?? NaN);
    }

    // Throughput: s2 by concurrent clients, each with its run, until --steps are issued or the leg's time is up.
    const runs = await Promise.all(
      Array.from({ length: clientCount }, (_, i) => startRun(api, runbookId, `runner bench: client ${i}`)),
    );
    const throughputDeadline = Math.min(legDeadline, Date.now() + legSeconds * 1000 * 0.45);
    // A server just started is slower: V8 has not compiled its hot paths yet (nor PGlite's). The
    // first --throughput-warm-up steps are run the same way, timed apart ("cold"), not counted.
    const round = async (count: number, deadline: number) => {
      const tally = {
        issued: 0,
        ended: 0,
        failed: 0,
        firstSent: Infinity,
        lastEnd: 0,
        endToEnd: [] as number[],
        walls: new Map<string, { sentWall: number; endWall: number }>(),
      };
      const client = async (runId: string): Promise<void> => {
        while (tally.issued < count && Date.now() < deadline) {
          tally.issued += 1;
          const started = await execute(api, runId, 's2');
          tally.firstSent = Math.min(tally.firstSent, started.sent);
          const { end, status } = await follow(api, runId, started.id);
          tally.ended += 1;
          if (status !== 'succeeded') tally.failed += 1;
          tally.lastEnd = Math.max(tally.lastEnd, end.at);
          tally.endToEnd.push(end.at - started.sent);
          tally.walls.set(started.id, { sentWall: started.sentWall, endWall: end.wallAt });
        }
      };
      await Promise.all(runs.map(client));
      return { ...tally, seconds: (tally.lastEnd - tally.firstSent) / 1000 };
    };
    const cold = await round(throughputWarmUp, throughputDeadline);
    const throughputCpu = cpuWindow(astreinte.pid, runnerPid);
    const { ended, failed, endToEnd, seconds, walls: stepWalls } = await round(stepCount, throughputDeadline);
    const throughputShares = throughputCpu();
    const serverMemory = memoryOf(astreinte.pid);
    const stepParts = {
      toServer: [] as number[],
      queued: [] as number[],
      onRunner: [] as number[],
      duration: [] as number[],
      endSeen: [] as number[],
    };
    for (const runId of runs) {
      for (const execution of (await api.call<{ executions: Execution[] }>('GET', `/api/v1/runs/${runId}`))
        .executions) {
        const walls = stepWalls.get(execution.id);
        if (walls === undefined || execution.startedAt === null || execution.finishedAt === null) continue;
        const [requested, claimed, finished] = [execution.requestedAt, execution.startedAt, execution.finishedAt].map(
          (at) => Date.parse(at),
        ) as [number, number, number];
        stepParts.toServer.push(requested - walls.sentWall);
        stepParts.queued.push(claimed - requested);
        stepParts.onRunner.push(finished - claimed);
        stepParts.duration.push(execution.durationMs ?? NaN);
        stepParts.endSeen.push(walls.endWall - finished);
      }
    }
    const runnerMemory = Number.isNaN(runnerPid) ? { rss: NaN, peak: NaN } : memoryOf(runnerPid);

    const result: LegResult = {
      name,
      latency: samples.map((sample) => sample.total),
      latencyPlanned: latencyCount,
      breakdown: [
        { name: 'execute answered (202)', values: parts.accepted },
        { name: 'sent → requested_at (server tx start)', values: parts.toServer },
        { name: 'requested_at → claimed (started_at)', values: parts.claim },
        { name: 'claimed → 1st chunk read by runner', values: parts.spawn },
        { name: '1st chunk read → SSE output at client', values: parts.delivery },
        { name: 'step duration on runner (durationMs)', values: parts.duration },
      ],
      throughput: {
        ended,
        planned: stepCount,
        failed,
        seconds,
        endToEnd,
        cold: { ended: cold.ended, seconds: cold.seconds },
        breakdown: [
          { name: 'sent → requested_at', values: stepParts.toServer },
          { name: 'requested_at → claimed (queued: waits for a free slot)', values: stepParts.queued },
          { name: 'claimed → finish reported (finished_at)', values: stepParts.onRunner },
          { name: '  of which the process (durationMs)', values: stepParts.duration },
          { name: 'finished_at → SSE end at client', values: stepParts.endSeen },
        ],
      },
      latencyCpu: latencyShares,
      throughputCpu: throughputShares,
      server: serverMemory,
      runner: runnerMemory,
    };
    printLeg(result);
    return result;
  } finally {
    // The runner is asked to stop first, as an operator would; if it has not exited within 3 s
    // (it waits for its long-poll claim), the server stops, which releases that claim.
    const runnerStop = remote?.stop();
    const runnerQuick =
      runnerStop === undefined ? null : await Promise.race([runnerStop, pause(3000).then(() => null)]);
    const serverStart = performance.now();
    await astreinte.remove();
    const serverMs = performance.now() - serverStart;
    const runnerStopped = await runnerStop;
    const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`;
    console.log(
      `stopping: ${
        runnerStopped === undefined
          ? ''
          : `remote runner exited ${seconds(runnerStopped.ms)} after SIGTERM${runnerStopped.killed ? ' (KILLED)' : ''}` +
            `${runnerQuick === null ? ', only once the server stopped' : ''}; `
      }server (SIGTERM to exit${leg === 'local' ? ', its local runner stopped first' : ''}) ${seconds(serverMs)}`,
    );
    await scratch
      ?.drop()
      .catch((error: unknown) => console.error(`could not drop the scratch database: ${(error as Error).message}`));
  }
}

// ---------------------------------------------------------------------------------------------
// Printing.

function printLeg(result: LegResult): void {
  const sorted = sortedOf(result.latency);
  console.log(
    `first byte (${sorted.length}/${result.latencyPlanned} executions): p50 ${ms(quantile(sorted, 0.5))} ms, p99 ${ms(quantile(sorted, 0.99))} ms, max ${ms(sorted.at(-1) ?? NaN)} ms`,
  );
  printBreakdown(result.breakdown);
  const { throughput } = result;
  const e2e = sortedOf(throughput.endToEnd);
  console.log(
    `throughput: ${throughput.ended}/${throughput.planned} steps in ${throughput.seconds.toFixed(2)} s = ${(throughput.ended / throughput.seconds).toFixed(1)} steps/s` +
      ` (${throughput.failed} failed); execute → end p50 ${ms(quantile(e2e, 0.5))} ms, p99 ${ms(quantile(e2e, 0.99))} ms` +
      `; before them, cold: ${throughput.cold.ended} steps in ${throughput.cold.seconds.toFixed(2)} s = ${(throughput.cold.ended / throughput.cold.seconds).toFixed(1)} steps/s`,
  );
  printBreakdown(throughput.breakdown);
  const perStep = (share: number): string =>
    Number.isNaN(share) ? '—' : `${((share * throughput.seconds * 1000) / throughput.ended).toFixed(1)} ms`;
  console.log(
    `CPU per short step (throughput): server ${perStep(result.throughputCpu.server)}, runner ${perStep(result.throughputCpu.runner)}, ` +
      `its bwrap+bash ${perStep(result.throughputCpu.steps)}, bench client ${perStep(result.throughputCpu.bench)}, other processes ${perStep(result.throughputCpu.other)}`,
  );
  console.log(
    `CPU, share of one core (first byte | throughput): server ${pct(result.latencyCpu.server)} | ${pct(result.throughputCpu.server)}, ` +
      `runner ${pct(result.latencyCpu.runner)} | ${pct(result.throughputCpu.runner)}, its steps (bwrap, bash) ${pct(result.latencyCpu.steps)} | ${pct(result.throughputCpu.steps)}, ` +
      `bench client ${pct(result.latencyCpu.bench)} | ${pct(result.throughputCpu.bench)}; ` +
      `OTHER processes of the machine ${pct(result.latencyCpu.other)} | ${pct(result.throughputCpu.other)} (of ${result.throughputCpu.cores.toFixed(0)} cores)`,
  );
  console.log(
    `RSS at the end: server ${result.server.rss.toFixed(0)} MiB (peak ${result.server.peak.toFixed(0)}), runner ${result.runner.rss.toFixed(0)} MiB (peak ${result.runner.peak.toFixed(0)})`,
  );
}

function printBreakdown(parts: { name: string; values: number[] }[]): void {
  console.log(
    '  where it goes (ms, timestamps of the server and the runner; ms resolution)   p50     p90     p99     max',
  );
  for (const part of parts) {
    const values = sortedOf(part.values);
    console.log(
      `  ${part.name.padEnd(74)} ${[0.5, 0.9, 0.99].map((q) => ms(quantile(values, q)).padStart(6)).join('  ')}  ${ms(values.at(-1) ?? NaN).padStart(6)}`,
    );
  }
}

const pct = (share: number): string => (Number.isNaN(share) ? '—' : `${(share * 100).toFixed(0)}%`);

function printSummary(costs: SpawnCost[], results: LegResult[]): void {
  console.log('\nSandbox spawn alone (ms, 40 sequential spawns each)            p50    p99    max');
  for (const cost of costs) {
    const sorted = sortedOf(cost.samples);
    console.log(
      `  ${cost.name.padEnd(58)} ${[0.5, 0.99].map((q) => ms(quantile(sorted, q)).padStart(5)).join('  ')}  ${ms(sorted.at(-1)!).padStart(5)}`,
    );
  }
  const header = ['leg', 'first byte p50', 'p99', 'max', 'steps/s', 'server RSS', 'runner RSS', 'other load'];
  const rows = results.map((result) => {
    const sorted = sortedOf(result.latency);
    return [
      result.name,
      `${ms(quantile(sorted, 0.5))} ms`,
      `${ms(quantile(sorted, 0.99))} ms`,
      `${ms(sorted.at(-1) ?? NaN)} ms`,
      (result.throughput.ended / result.throughput.seconds).toFixed(1),
      `${result.server.rss.toFixed(0)} MiB`,
      `${result.runner.rss.toFixed(0)} MiB`,
      `${pct(Math.max(result.latencyCpu.other, result.throughputCpu.other))}`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join(' | ');
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
  for (const result of results) {
    const p99 = quantile(sortedOf(result.latency), 0.99);
    const rate = result.throughput.ended / result.throughput.seconds;
    console.log(
      `${result.name}: first byte p99 < 150 ms ${p99 < 150 ? 'met' : 'NOT met'}; ≥ 50 steps/s ${rate >= 50 ? 'met' : 'NOT met'}`,
    );
  }
  console.log(
    `("other load": CPU the rest of the machine used meanwhile — on PostgreSQL, the database server's too if it runs here — in shares ` +
      `of one core of ${results[0]?.throughputCpu.cores.toFixed(0) ?? '?'}: well above 0 %, the figures above are slowed by it)`,
  );
}

// ---------------------------------------------------------------------------------------------

const backends = (values.backends ?? (postgresAdminUrl === undefined ? 'embedded' : 'embedded,postgres'))
  .split(',')
  .map((backend) => (backend === 'postgres' ? 'PostgreSQL' : backend === 'embedded' ? 'embedded' : null))
  .filter((backend): backend is 'embedded' | 'PostgreSQL' => backend !== null);
if (backends.includes('PostgreSQL') && postgresAdminUrl === undefined)
  throw new Error('--backends postgres needs ASTREINTE_BENCH_DATABASE_URL');

// Whatever happens, the bench stops: a leg is bounded by --leg-seconds plus its servers' start and stop.
const benchDeadline = setTimeout(
  () => {
    console.error('the bench did not finish within its time bound: stopping');
    process.exit(2);
  },
  (legNames.length * backends.length * (legSeconds + 60) + 120) * 1000,
);
benchDeadline.unref();

console.log(
  `bench: ${warmUpCount} + ${latencyCount} first-byte executions, ${stepCount} short steps by ${clientCount} clients, per leg (at most ~${legSeconds} s each)`,
);
const costs = await measureSpawnCosts();
const results: LegResult[] = [];
for (const backend of backends) {
  for (const leg of legNames) results.push(await runLeg(leg, backend));
}
printSummary(costs, results);
