import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepJobPayload, StepResult } from '../../../src/execution/jobs/step-job-payload.js';
import { RunnerApi, RunnerApiError, type RunnerTransport } from '../../../src/runner/runner-api.js';
import type { Runner } from '../../../src/runner/runner.js';
import { startRunner } from '../../../src/runner/start-runner.js';
import { eventually } from '../../support/eventually.js';
import {
  executeStep,
  executionOf,
  stdoutOf,
  waitForExecutionEnd,
  type ExecutionView,
} from '../../support/run-steps.js';
import { useTestApp, type TestApp } from '../../support/test-app.js';
import { testBackends } from '../../support/test-database.js';
import { createRunnerToken, injectTransport, startTestRunner, testSandbox } from '../../support/test-runner.js';

const fence = '```';
const secretKey = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const dbPassword = 'st0red-db-passw0rd-91';
const otherToken = 'other-t0ken-value-77';

/** s1–s6: short steps for two runners to share; s7–s10: one step per protocol case. */
const runbook = [
  '# RUNBOOK: Runner protocol',
  '## Symptoms',
  '- steps run on runners',
  '## Diagnosis',
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`${fence}bash`, `sleep 0.3; echo x ${n}`, fence]),
  `${fence}bash`,
  'echo "checking <host> with $API_TOKEN"',
  fence,
  `${fence}bash`,
  'echo "connecting with ${DB_PASSWORD}"',
  fence,
  `${fence}bash`,
  'echo started; sleep 30',
  fence,
  `${fence}bash`,
  'echo one',
  fence,
].join('\n');

const exited: StepResult = {
  outcome: 'exited',
  exitCode: 0,
  signal: null,
  durationMs: 1,
  error: null,
  stdoutBytes: 0,
  stderrBytes: 0,
  truncatedBytes: 0,
};

interface TimelineEvent {
  type: string;
  payload: Record<string, unknown>;
}

async function startRun(t: TestApp): Promise<{ runId: string; incidentId: string }> {
  const imported = await t.call('POST', '/api/v1/runbook-sources', {
    body: { filename: 'protocol.md', content: runbook },
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'runner protocol' } })).json();
  const run = await t.call('POST', '/api/v1/runs', {
    body: { runbookId: imported.json().runbooks[0].id, incidentId: incident.id },
  });
  expect(run.statusCode, run.body).toBe(201);
  return { runId: run.json().id, incidentId: incident.id };
}

async function finishedEvents(t: TestApp, incidentId: string, executionId: string): Promise<TimelineEvent[]> {
  const timeline = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json<TimelineEvent[]>();
  return timeline.filter((event) => event.type === 'step_finished' && event.payload['executionId'] === executionId);
}

/** A runner speaking the raw protocol (no process, no heartbeat unless the test sends one), with its own token. */
async function rawRunner(t: TestApp, name: string): Promise<{ api: RunnerApi; tokenId: string; secret: string }> {
  const token = await createRunnerToken(t.db, name);
  const api = new RunnerApi(injectTransport(t.app, token.secret), randomUUID());
  await api.register({ name, labels: {}, sandbox: 'none', hostname: 'test-host', version: 'test', capacity: 1 });
  return { api, tokenId: token.id, secret: token.secret };
}

/** The HTTP status a runner call was refused with, or null when it succeeded. */
async function refusal(call: Promise<unknown>): Promise<number | null> {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof RunnerApiError) return error.status;
    throw error;
  }
}

/** Records every execution id the server hands out through this transport. */
function recordingTransport(inner: RunnerTransport, claimed: string[]): RunnerTransport {
  return {
    async request(method, path, body) {
      const answer = await inner.request(method, path, body);
      if (path.endsWith('/claim') && answer.status === 200) {
        claimed.push(...(answer.body as { jobs: StepJobPayload[] }).jobs.map((job) => job.executionId));
      }
      return answer;
    },
  };
}

/** Steps left queued by a test would be claimed by the next one's raw runner: they are cancelled. */
async function cancelQueued(t: TestApp): Promise<void> {
  const { rows } = await t.db.query<{ id: string; run_id: string }>(
    `SELECT id, run_id FROM step_executions WHERE status = 'queued'`,
  );
  for (const row of rows) await t.call('POST', `/api/v1/runs/${row.run_id}/executions/${row.id}/cancel`);
}

async function storeSecrets(t: TestApp): Promise<void> {
  for (const [name, value] of [
    ['DB_PASSWORD', dbPassword],
    ['OTHER_TOKEN', otherToken],
  ]) {
    const stored = await t.call('PUT', `/api/v1/secrets/${name}`, { body: { value } });
    expect(stored.statusCode, stored.body).toBe(200);
  }
}

describe.each(testBackends)('the runner protocol on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey } });

  afterEach(async () => {
    if (available) await cancelQueued(t);
  });

  it.skipIf(!available)(
    'runs every queued step exactly once when two runners share the queue, each taking some',
    async () => {
      const { runId, incidentId } = await startRun(t);
      const queued: ExecutionView[] = [];
      for (const stepId of ['s1', 's2', 's3', 's4', 's5', 's6']) queued.push(await executeStep(t, runId, stepId));
      const claimedBy: Record<string, string[]> = { 'runner a': [], 'runner b': [] };
      const runners: Runner[] = [];
      try {
        for (const name of ['runner a', 'runner b']) {
          const { secret } = await createRunnerToken(t.db, name);
          runners.push(
            await startRunner({
              transport: recordingTransport(injectTransport(t.app, secret), claimedBy[name]!),
              sandbox: testSandbox,
              name,
              labels: {},
              capacity: 1,
              writable: ['/tmp'],
              hidden: [],
              claimWaitMs: 500,
              log: {
                info: () => undefined,
                warn: () => undefined,
                error: (message, fields) => console.error(message, fields),
              },
            }),
          );
        }
        const ended = [];
        for (const execution of queued) ended.push(await waitForExecutionEnd(t, runId, execution.id));
        expect(ended.map((execution) => execution['status'])).toEqual(Array(6).fill('succeeded'));

        const claimed = [...claimedBy['runner a']!, ...claimedBy['runner b']!];
        expect(claimed).toHaveLength(6);
        expect(new Set(claimed)).toEqual(new Set(queued.map((execution) => execution.id)));
        expect(claimedBy['runner a']!.length).toBeGreaterThan(0);
        expect(claimedBy['runner b']!.length).toBeGreaterThan(0);
        for (const [index, execution] of queued.entries()) {
          const name = claimedBy['runner a']!.includes(execution.id) ? 'runner a' : 'runner b';
          expect((ended[index]!['runner'] as { name: string }).name).toBe(name);
          expect(await finishedEvents(t, incidentId, execution.id)).toHaveLength(1);
          expect(await stdoutOf(t, runId, execution.id)).toBe(`x ${index + 1}\n`);
        }
      } finally {
        await Promise.all(runners.map((runner) => runner.stop({ cancel: true })));
      }
    },
  );

  it.skipIf(!available)('gives a queued step to exactly one of two runners claiming at the same moment', async () => {
    const { runId } = await startRun(t);
    const first = await rawRunner(t, 'claimer one');
    const second = await rawRunner(t, 'claimer two');
    for (let round = 0; round < 3; round += 1) {
      const execution = await executeStep(t, runId, 's10');
      const [one, two] = await Promise.all([first.api.claim(1, 0), second.api.claim(1, 0)]);
      const got = [...one, ...two];
      expect(got.map((job) => job.executionId)).toEqual([execution.id]);
      const winner = one.length === 1 ? first : second;
      const loser = one.length === 1 ? second : first;
      // Only the runner that got it may report on it.
      expect(await refusal(loser.api.finish(execution.id, exited))).toBe(409);
      await winner.api.finish(execution.id, exited);
      expect(await executionOf(t, runId, execution.id)).toMatchObject({ status: 'succeeded' });
    }
    // Claims already waiting when a step is queued: both are woken, one only gets it.
    const waiting = [first.api.claim(1, 1000), second.api.claim(1, 1000)];
    const execution = await executeStep(t, runId, 's10');
    const answers = await Promise.all(waiting);
    expect(answers.flat().map((job) => job.executionId)).toEqual([execution.id]);
    await (answers[0]!.length === 1 ? first : second).api.finish(execution.id, exited);
  });

  it.skipIf(!available)(
    'refuses a revoked runner token at its next claim with 401, handing it no job though one is queued',
    async () => {
      const { runId } = await startRun(t);
      const runner = await rawRunner(t, 'revoked runner');
      const revoked = await t.call('POST', `/api/v1/tokens/${runner.tokenId}/revoke`);
      expect(revoked.statusCode, revoked.body).toBe(200);
      const execution = await executeStep(t, runId, 's10');
      expect(await refusal(runner.api.claim(1, 0))).toBe(401);
      expect(await refusal(runner.api.heartbeat([]))).toBe(401);
      expect(await executionOf(t, runId, execution.id)).toMatchObject({ status: 'queued', runner: null });
    },
  );

  it.skipIf(!available)(
    'ends a claim already waiting when its token is revoked, without handing it the step queued meanwhile',
    async () => {
      const { runId } = await startRun(t);
      const runner = await rawRunner(t, 'waiting runner');
      const claim = refusal(runner.api.claim(1, 20_000));
      await eventually('the claim to wait on the server', async () => {
        const metrics = (await t.call('GET', '/metrics')).body;
        return /^astreinte_runner_claims_waiting 1$/m.test(metrics) || null;
      });
      expect((await t.call('POST', `/api/v1/tokens/${runner.tokenId}/revoke`)).statusCode).toBe(200);
      const execution = await executeStep(t, runId, 's10');
      expect(await claim).toBe(401);
      expect(await executionOf(t, runId, execution.id)).toMatchObject({ status: 'queued', runner: null });
    },
  );

  it.skipIf(!available)("keeps runner tokens to the runner routes, and people's tokens away from them", async () => {
    const runner = await rawRunner(t, 'confined runner');
    for (const url of ['/api/v1/incidents', '/api/v1/runs', '/api/v1/runners']) {
      expect((await t.call('GET', url, { token: runner.secret })).statusCode, url).toBe(403);
    }
    expect(
      (await t.call('POST', '/api/v1/incidents', { token: runner.secret, body: { title: 'from a runner' } }))
        .statusCode,
    ).toBe(403);
    const session = {
      id: randomUUID(),
      name: 'a person',
      labels: {},
      sandbox: 'none',
      hostname: 'h',
      version: 'v',
      capacity: 1,
    };
    for (const token of [t.users.admin.token, t.users.responder.token, t.users.viewer.token]) {
      expect((await t.call('POST', '/api/v1/runner/sessions', { token, body: session })).statusCode).toBe(403);
      expect(
        (
          await t.call('POST', `/api/v1/runner/sessions/${runner.api.runnerId}/claim`, {
            token,
            body: { max: 1, waitMs: 0 },
          })
        ).statusCode,
      ).toBe(403);
    }
    expect(
      (
        await t.call('POST', `/api/v1/runner/sessions/${runner.api.runnerId}/claim`, {
          token: null,
          body: { max: 1, waitMs: 0 },
        })
      ).statusCode,
    ).toBe(401);
    // The runner itself still works with its token.
    expect(await runner.api.claim(1, 0)).toEqual([]);
  });

  // A runner's id is no secret (GET /api/v1/runners shows it to every viewer): reports must come
  // with the token that runner registered with.
  it.skipIf(!available)("refuses output and the end of a step sent with another runner's token", async () => {
    const { runId } = await startRun(t);
    const owner = await rawRunner(t, 'owner runner');
    const other = await rawRunner(t, 'other runner');
    const execution = await executeStep(t, runId, 's10');
    const [job] = await owner.api.claim(1, 0);
    expect(job!.executionId).toBe(execution.id);
    const impostor = new RunnerApi(injectTransport(t.app, other.secret), owner.api.runnerId);
    try {
      const now = new Date().toISOString();
      expect([403, 409]).toContain(
        await refusal(impostor.output(execution.id, [{ stream: 'stdout', text: 'forged\n', at: now }])),
      );
      expect([403, 409]).toContain(await refusal(impostor.finish(execution.id, exited)));
      expect(await executionOf(t, runId, execution.id)).toMatchObject({
        status: 'running',
        runner: { name: 'owner runner' },
      });
      expect(await stdoutOf(t, runId, execution.id)).toBe('');
    } finally {
      await refusal(owner.api.finish(execution.id, exited));
    }
  });

  it.skipIf(!available)('ends a queued step at once when it is cancelled before a runner took it', async () => {
    const { runId, incidentId } = await startRun(t);
    const runner = await rawRunner(t, 'late runner');
    const execution = await executeStep(t, runId, 's10');
    const cancelled = await t.call('POST', `/api/v1/runs/${runId}/executions/${execution.id}/cancel`, {
      token: t.users.responder.token,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      runner: null,
      endReason: 'cancelled before a runner took it',
    });
    expect(await runner.api.claim(1, 0)).toEqual([]);
    const finished = await finishedEvents(t, incidentId, execution.id);
    expect(finished).toHaveLength(1);
    expect(finished[0]!.payload).toMatchObject({ status: 'cancelled' });
  });

  it.skipIf(!available)(
    "stops a running step through its runner's heartbeat, ending it cancelled with the output so far",
    async () => {
      const { runId, incidentId } = await startRun(t);
      const runner = await startTestRunner(t.app, t.db, { name: 'cancelling runner', capacity: 1 });
      try {
        const execution = await executeStep(t, runId, 's9');
        await eventually('the step to print', async () =>
          (await stdoutOf(t, runId, execution.id)) === 'started\n' ? true : null,
        );
        expect(await executionOf(t, runId, execution.id)).toMatchObject({
          status: 'running',
          runner: { name: 'cancelling runner' },
        });
        const cancelled = await t.call('POST', `/api/v1/runs/${runId}/executions/${execution.id}/cancel`, {
          token: t.users.responder.token,
        });
        expect(cancelled.statusCode, cancelled.body).toBe(202);
        expect(cancelled.json().status).toBe('running');
        const ended = await waitForExecutionEnd(t, runId, execution.id);
        expect(ended).toMatchObject({ status: 'cancelled', runner: { name: 'cancelling runner' } });
        expect(await stdoutOf(t, runId, execution.id)).toBe('started\n');
        const finished = await finishedEvents(t, incidentId, execution.id);
        expect(finished).toHaveLength(1);
        expect(finished[0]!.payload).toMatchObject({ status: 'cancelled', runner: 'cancelling runner' });
      } finally {
        await runner.stop({ cancel: true });
      }
    },
  );

  it.skipIf(!available)('redacts again on the server the output a runner sends, with every stored secret', async () => {
    await storeSecrets(t);
    const { runId, incidentId } = await startRun(t);
    const runner = await rawRunner(t, 'leaky runner');
    const execution = await executeStep(t, runId, 's10');
    const [job] = await runner.api.claim(1, 0);
    expect(job!.executionId).toBe(execution.id);
    // The step uses no secret: the runner knows none to redact, and sends them as they came.
    expect(job!.secrets).toEqual([]);
    const now = new Date().toISOString();
    await runner.api.output(execution.id, [
      { stream: 'stdout', text: `password ${dbPassword}\n`, at: now },
      { stream: 'stderr', text: `token ${otherToken}\n`, at: now },
    ]);
    await runner.api.finish(execution.id, exited);
    const output = (await t.call('GET', `/api/v1/runs/${runId}/executions/${execution.id}/output`)).json<
      { stream: string; text: string }[]
    >();
    expect(output.map((line) => [line.stream, line.text])).toEqual([
      ['stdout', 'password [REDACTED:DB_PASSWORD]\n'],
      ['stderr', 'token [REDACTED:OTHER_TOKEN]\n'],
    ]);
    const stored = JSON.stringify(
      (await t.db.query(`SELECT text FROM step_output WHERE execution_id = $1`, [execution.id])).rows,
    );
    const timeline = JSON.stringify((await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json());
    for (const value of [dbPassword, otherToken]) {
      expect(stored).not.toContain(value);
      expect(timeline).not.toContain(value);
    }
  });

  it.skipIf(!available)(
    'hands a runner only the secrets its step uses: never the server key nor the other stored secrets',
    async () => {
      await storeSecrets(t);
      const { runId } = await startRun(t);
      const runner = await rawRunner(t, 'trusted runner');
      const execution = await executeStep(t, runId, 's8');
      const [job] = await runner.api.claim(1, 0);
      expect(job!.executionId).toBe(execution.id);
      expect(job!.secrets).toEqual([{ name: 'DB_PASSWORD', value: dbPassword }]);
      const payload = JSON.stringify(job);
      const key = Buffer.from(secretKey, 'hex');
      for (const forbidden of [
        secretKey,
        key.toString('base64'),
        key.toString('base64url'),
        otherToken,
        'OTHER_TOKEN',
      ]) {
        expect(payload).not.toContain(forbidden);
      }
      await runner.api.finish(execution.id, exited);
    },
  );

  it.skipIf(!available)(
    'never stores parameter values in the clear: sealed until a runner claims the step, then dropped',
    async () => {
      const { runId } = await startRun(t);
      const runner = await rawRunner(t, 'sealing runner');
      const host = 'db-h0st-sealed-7';
      const token = 'operator-t0ken-sealed-3';
      const execution = await executeStep(t, runId, 's7', { host, API_TOKEN: token });
      const before = (
        await t.db.query<{ sealed_parameters: string | null }>(`SELECT * FROM step_executions WHERE id = $1`, [
          execution.id,
        ])
      ).rows[0]!;
      expect(before.sealed_parameters).not.toBeNull();
      expect(before.sealed_parameters).not.toContain(host);
      expect(before.sealed_parameters).not.toContain(token);
      expect(before.sealed_parameters).not.toContain(Buffer.from(token).toString('base64'));
      // The secret value appears nowhere in the row (the preview masks it).
      expect(JSON.stringify(before)).not.toContain(token);

      const [job] = await runner.api.claim(1, 0);
      expect(job!.executionId).toBe(execution.id);
      // The runner gets the values it needs, unsealed …
      expect(JSON.stringify(job!.program)).toContain(host);
      expect(JSON.stringify(job!.program)).toContain(token);
      // … and the server keeps them no longer.
      const after = (
        await t.db.query<{ sealed_parameters: string | null }>(
          `SELECT sealed_parameters FROM step_executions WHERE id = $1`,
          [execution.id],
        )
      ).rows[0]!;
      expect(after.sealed_parameters).toBeNull();
      await runner.api.finish(execution.id, exited);
    },
  );
});

describe.each(testBackends)('a runner that stops beating on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { stepHeartbeatMs: 100 }, loops: ['step-jobs'] });

  it.skipIf(!available)(
    'has its step declared interrupted by the sweep, once, and its later reports refused with 409',
    async () => {
      const { runId, incidentId } = await startRun(t);
      const runner = await rawRunner(t, 'silent runner');
      const execution = await executeStep(t, runId, 's10');
      const [job] = await runner.api.claim(1, 5000);
      expect(job!.executionId).toBe(execution.id);
      // No heartbeat from here on.
      const ended = await waitForExecutionEnd(t, runId, execution.id);
      expect(ended).toMatchObject({
        status: 'interrupted',
        runner: { name: 'silent runner' },
        endReason: 'the runner running it (silent runner) stopped; its output so far is kept',
      });
      const finished = await finishedEvents(t, incidentId, execution.id);
      expect(finished).toHaveLength(1);
      expect(finished[0]!.payload).toMatchObject({ status: 'interrupted', reason: ended['endReason'] });

      const now = new Date().toISOString();
      expect(await refusal(runner.api.output(execution.id, [{ stream: 'stdout', text: 'late\n', at: now }]))).toBe(409);
      expect(await refusal(runner.api.finish(execution.id, exited))).toBe(409);
      // Beating again, the runner learns to kill it.
      expect(await runner.api.heartbeat([execution.id])).toEqual([execution.id]);
      expect(await executionOf(t, runId, execution.id)).toMatchObject({ status: 'interrupted' });
      expect(await stdoutOf(t, runId, execution.id)).toBe('');
      expect(await finishedEvents(t, incidentId, execution.id)).toHaveLength(1);
    },
  );
});
