import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../../src/node/start-node.js';
import { cleanEnv, spawnCli, tempDir, type CliProcess } from '../cli/cli-harness.js';
import { eventually } from '../support/eventually.js';
import { spawnRedisOnPort } from '../support/redis-process.js';
import { seedBytes, seedsAvailable } from '../support/seeds.js';
import { testConfig } from '../support/test-app.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';
import type { ExecutionView } from '../support/run-steps.js';

/**
 * `astreinte runner` as a separate process on the same host, knowing nothing of the server but
 * its URL and a runner token: it runs a real runbook against a real Redis, dies with `kill -9`
 * in the middle of a step, and is turned away when its token is revoked.
 */

const fence = '```';

type Execution = ExecutionView;

interface RunnerRow {
  id: string;
  name: string;
  tokenId: string;
  connected: boolean;
  sandbox: string;
  labels: Record<string, string>;
}

/** A Redis on 127.0.0.1:6379, where the seed's `redis-cli` commands look. */
function redisAnswers(): boolean {
  // Without redis-cli, spawnSync sets `error` and leaves `stdout` null, whatever its type says.
  const ping = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { encoding: 'utf8' });
  return ping.error === undefined && ping.stdout.trim() === 'PONG';
}
const redisInstalled = spawnSync('redis-server', ['--version']).status === 0;

/** Host processes whose command line mentions `needle` (a step's sandbox carries its script in bwrap's arguments). */
function processesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.each(testBackends)('a remote runner process on $backend', ({ backend, available }) => {
  let server: RunningNode | null = null;
  let database: TestDatabase | null = null;
  let folder: Awaited<ReturnType<typeof tempDir>> | null = null;
  const runners: CliProcess[] = [];

  /** A call as the admin; `T` is what the test reads of the answer. */
  async function api<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server!.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server!.adminToken!}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  async function runnerToken(name: string): Promise<{ id: string; secret: string }> {
    const created = await api('POST', '/api/v1/tokens', { role: 'runner', name });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: (created.body['token'] as { id: string }).id, secret: created.body['secret'] as string };
  }

  /** `astreinte runner` with only its token in its environment; resolves once the server lists it connected. */
  async function startRunnerProcess(
    token: { id: string; secret: string },
    extra: string[] = [],
  ): Promise<{ process: CliProcess; runner: RunnerRow }> {
    const known = new Set((await api<RunnerRow[]>('GET', '/api/v1/runners')).body.map((runner) => runner.id));
    const child = spawnCli(
      ['runner', '--url', server!.url, '--label', 'env=prod', '--name', 'remote-1', ...extra],
      cleanEnv({ ASTREINTE_RUNNER_TOKEN: token.secret }),
    );
    runners.push(child);
    const runner = await eventually(
      `runner with token ${token.id} to connect`,
      async () => {
        if (child.stdout().length === 0 && child.stderr().includes('error')) throw new Error(child.stderr());
        const listed = (await api<RunnerRow[]>('GET', '/api/v1/runners')).body;
        return listed.find((row) => row.connected && row.tokenId === token.id && !known.has(row.id)) ?? null;
      },
      40_000,
    );
    return { process: child, runner };
  }

  async function startRun(runbook: string, filename: string): Promise<{ runId: string; incidentId: string }> {
    const imported = await api('POST', '/api/v1/runbook-sources', { filename, content: runbook });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const incident = await api('POST', '/api/v1/incidents', { title: filename });
    const run = await api('POST', '/api/v1/runs', {
      runbookId: (imported.body['runbooks'] as { id: string }[])[0]!.id,
      incidentId: incident.body['id'],
    });
    return { runId: run.body['id'] as string, incidentId: incident.body['id'] as string };
  }

  async function execute(runId: string, stepId: string): Promise<string> {
    const started = await api('POST', `/api/v1/runs/${runId}/steps/${stepId}/execute`, { confirm: true });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return (started.body['execution'] as { id: string }).id;
  }

  async function executions(runId: string): Promise<Execution[]> {
    return (await api<{ executions: Execution[] }>('GET', `/api/v1/runs/${runId}`)).body.executions;
  }

  async function waitForStatus(
    runId: string,
    executionId: string,
    wanted: (status: string) => boolean,
    what: string,
  ): Promise<Execution> {
    return eventually(
      what,
      async () => (await executions(runId)).find((e) => e.id === executionId && wanted(e.status)) ?? null,
      30_000,
    );
  }

  async function outputOf(runId: string, executionId: string): Promise<string> {
    const chunks = (await api<{ text: string }[]>('GET', `/api/v1/runs/${runId}/executions/${executionId}/output`))
      .body;
    return chunks.map((chunk) => chunk.text).join('');
  }

  async function stepFinishedEvents(
    incidentId: string,
  ): Promise<{ payload: { executionId: string; status: string } }[]> {
    const timeline = (
      await api<{ type: string; payload: { executionId: string; status: string } }[]>(
        'GET',
        `/api/v1/incidents/${incidentId}/timeline`,
      )
    ).body;
    return timeline.filter((event) => event.type === 'step_finished');
  }

  beforeAll(async () => {
    if (!available) return;
    folder = await tempDir('astreinte-remote-runner-');
    database = backend === 'postgres' ? await openTestDatabase('postgres', { migrate: false }) : null;
    // 500 ms beats: a runner process starved of CPU by a busy machine (the whole suite on 2 cores)
    // must not be taken for dead (2.5 s of silence), while a killed one is found out quickly.
    server = await startNode(
      testConfig({
        port: 0,
        dataDir: folder.path,
        localRunner: false,
        stepHeartbeatMs: 500,
        ...(database === null ? {} : { databaseUrl: database.url! }),
      }),
    );
  });

  afterEach(async () => {
    // Whatever a test left running: killed, so the next test's steps can only go to its own runner.
    for (const child of runners.splice(0)) {
      child.kill('SIGKILL');
      await child.exited;
    }
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
    await folder?.remove();
  });

  it.skipIf(!available || !seedsAvailable || !redisInstalled)(
    'runs the Redis diagnosis of a seed runbook against a real Redis, shown as run by remote-1',
    async () => {
      const redis = redisAnswers() ? null : await spawnRedisOnPort(6379);
      try {
        const token = await runnerToken('remote-1 token');
        const { runner } = await startRunnerProcess(token);
        expect(runner).toMatchObject({ name: 'remote-1', sandbox: 'bwrap', labels: { env: 'prod' } });
        const imported = await api('POST', '/api/v1/runbook-sources', {
          filename: '000.md',
          contentBase64: seedBytes('000').toString('base64'),
        });
        expect(imported.status, JSON.stringify(imported.body)).toBe(201);
        const runbookId = (imported.body['runbooks'] as { id: string; title: string }[]).find(
          (r) => r.title === 'Problèmes de cache Redis',
        )!.id;
        const incident = await api('POST', '/api/v1/incidents', { title: 'Performances dégradées', severity: 'P2' });
        const run = await api('POST', '/api/v1/runs', { runbookId, incidentId: incident.body['id'] });
        const runId = run.body['id'] as string;
        const executionId = await execute(runId, 's1');
        const ended = await waitForStatus(
          runId,
          executionId,
          (status) => !['queued', 'running'].includes(status),
          'the diagnosis to end',
        );
        expect(ended.status).toBe('succeeded');
        const listed = (
          await api<{ executions: Execution[] }[]>('GET', `/api/v1/runs?incidentId=${incident.body['id'] as string}`)
        ).body;
        const execution = listed[0]!.executions.find((e) => e.id === executionId);
        expect(execution?.runner).toEqual({ id: runner.id, name: 'remote-1' });
        expect(await outputOf(runId, executionId)).toMatch(/^PONG\n# Memory\r?\nused_memory:\d+/);
      } finally {
        await redis?.stop();
      }
    },
    60_000,
  );

  it.skipIf(!available)(
    'leaves a step interrupted, its output kept and its processes dead, when the runner is killed mid-step; nothing re-runs it',
    async () => {
      const writable = await tempDir('astreinte-runner-writable-');
      try {
        const started = `${writable.path}/started`;
        const orphan = `${writable.path}/orphan`;
        const runbook = [
          '# RUNBOOK: Long step on a remote runner',
          '## Symptoms',
          '- slow',
          '## Diagnosis',
          `${fence}bash {"runner":"test=crash"}`,
          `touch ${started}`,
          'echo before',
          'sleep 5',
          `touch ${orphan}`,
          'echo after',
          fence,
          `${fence}bash {"runner":"generation=2"}`,
          'echo second',
          fence,
        ].join('\n');
        const token = await runnerToken('crash token');
        const first = await startRunnerProcess(token, ['--label', 'test=crash', '--writable', writable.path]);
        const { runId, incidentId } = await startRun(runbook, 'crash.md');
        const executionId = await execute(runId, 's1');
        await eventually('the step to print before', async () =>
          (await outputOf(runId, executionId)) === 'before\n' ? true : null,
        );
        const beforeSeen = Date.now();
        // The sandbox writes through to the host: a marker missing later is the sandbox killed, not a read-only folder.
        expect(existsSync(started)).toBe(true);
        expect(processesMentioning(orphan).length).toBeGreaterThan(0);
        first.process.kill('SIGKILL');
        expect((await first.process.exited).signal).toBe('SIGKILL');

        const interrupted = await waitForStatus(
          runId,
          executionId,
          (status) => status !== 'running',
          'the sweep to see the runner gone',
        );
        expect(interrupted.status).toBe('interrupted');
        expect(interrupted.endReason).toContain('remote-1');
        expect(interrupted.runner).toEqual({ id: first.runner.id, name: 'remote-1' });
        expect(await outputOf(runId, executionId)).toBe('before\n');
        const finished = await stepFinishedEvents(incidentId);
        expect(finished).toHaveLength(1);
        expect(finished[0]!.payload).toMatchObject({ executionId, status: 'interrupted' });
        // bubblewrap died with its parent, and the step's processes with it.
        await eventually(
          'the sandboxed step to die with its runner',
          () => (processesMentioning(orphan).length === 0 ? true : null),
          10_000,
        );

        // The same token, a new process: it takes new steps, never the interrupted one. (The next step
        // selects a label only the new process has: see the last test for the killed one's pending claim.)
        const second = await startRunnerProcess(token, [
          '--label',
          'test=crash',
          '--label',
          'generation=2',
          '--writable',
          writable.path,
        ]);
        expect(second.runner.id).not.toBe(first.runner.id);
        const nextId = await execute(runId, 's2');
        const next = await waitForStatus(
          runId,
          nextId,
          (status) => !['queued', 'running'].includes(status),
          'the next step to run',
        );
        expect(next).toMatchObject({ status: 'succeeded', runner: { id: second.runner.id, name: 'remote-1' } });
        // Past the moment the killed step would have written its marker (5 s after "before").
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, beforeSeen + 6500 - Date.now())));
        expect(existsSync(orphan)).toBe(false);
        const all = await executions(runId);
        expect(all.filter((e) => e.stepId === 's1')).toHaveLength(1);
        expect(all.find((e) => e.id === executionId)?.status).toBe('interrupted');
        expect(await outputOf(runId, executionId)).toBe('before\n');
        expect(
          (await stepFinishedEvents(incidentId)).filter((event) => event.payload.executionId === executionId),
        ).toHaveLength(1);
      } finally {
        await writable.remove();
      }
    },
    60_000,
  );

  it.skipIf(!available)(
    'stops with an error when its token is revoked while it waits, and takes no step queued after',
    async () => {
      const token = await runnerToken('revoked token');
      const { process: child } = await startRunnerProcess(token, ['--label', 'test=revoked']);
      const { runId } = await startRun(
        `# RUNBOOK: After revocation\n## Symptoms\n- none\n## Diagnosis\n${fence}bash {"runner":"test=revoked"}\necho taken\n${fence}\n`,
        'revoked.md',
      );
      const revoked = await api('POST', `/api/v1/tokens/${token.id}/revoke`);
      expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
      const executionId = await execute(runId, 's1');
      const exit = await child.exited;
      expect(exit.code).toBe(1);
      expect(child.stderr()).toMatch(/^error: runner stopped: .*revoked/m);
      const execution = (await executions(runId)).find((e) => e.id === executionId)!;
      expect(execution).toMatchObject({ status: 'queued', runner: null });
      expect(execution.waitingFor).not.toBeNull();
      expect(await outputOf(runId, executionId)).toBe('');
    },
    60_000,
  );

  it.skipIf(!available)(
    "gives a step queued just after its runner was killed to the next runner, not to the dead one's pending claim",
    async () => {
      const token = await runnerToken('ghost token');
      const first = await startRunnerProcess(token, ['--label', 'test=ghost']);
      // Idle, the runner always has a claim waiting on the server (a long poll): let it be sent.
      await new Promise((resolve) => setTimeout(resolve, 500));
      first.process.kill('SIGKILL');
      await first.process.exited;
      const { runId } = await startRun(
        `# RUNBOOK: After a crash\n## Symptoms\n- none\n## Diagnosis\n${fence}bash {"runner":"test=ghost"}\necho ran\n${fence}\n`,
        'ghost.md',
      );
      const executionId = await execute(runId, 's1');
      const second = await startRunnerProcess(token, ['--label', 'test=ghost']);
      const ended = await waitForStatus(
        runId,
        executionId,
        (status) => !['queued', 'running'].includes(status),
        'the step to end',
      );
      expect(
        ended,
        `taken by ${ended.runner?.id ?? 'nobody'} (the killed runner was ${first.runner.id}): ${ended.endReason ?? ''}`,
      ).toMatchObject({ status: 'succeeded', runner: { id: second.runner.id, name: 'remote-1' } });
      expect(await outputOf(runId, executionId)).toBe('ran\n');
    },
    60_000,
  );
});
