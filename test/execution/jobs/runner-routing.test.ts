import { describe, expect, it } from 'vitest';
import type { Runner } from '../../../src/runner/runner.js';
import {
  executeStep,
  executionOf,
  stdoutOf,
  waitForExecutionEnd,
  type ExecutionView,
} from '../../support/run-steps.js';
import { useTestApp, type TestApp } from '../../support/test-app.js';
import { testBackends } from '../../support/test-database.js';
import { startTestRunner } from '../../support/test-runner.js';

const fence = '```';

/** A runbook whose Diagnosis (section 1) holds a step for env=prod, one for any runner and one for env=staging. */
function routingRunbook(title: string): string {
  return [
    `# RUNBOOK: ${title}`,
    '## Symptoms',
    '- a step must run where the service is',
    '## Diagnosis',
    `${fence}bash {"runner":"env=prod"}`,
    'echo "prod step"',
    fence,
    `${fence}bash`,
    'echo "any step"',
    fence,
    `${fence}bash {"runner":"env=staging"}`,
    'echo "staging step"',
    fence,
  ].join('\n');
}

/** Imports `content` and starts a run of its first runbook within a new incident. */
async function startRun(
  t: TestApp,
  content: string,
  filename: string,
): Promise<{ runId: string; runbookId: string; incidentId: string }> {
  const imported = await t.call('POST', '/api/v1/runbook-sources', { body: { filename, content } });
  expect(imported.statusCode, imported.body).toBe(201);
  const runbookId = imported.json().runbooks[0].id as string;
  const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: filename } })).json();
  const run = await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: incident.id } });
  expect(run.statusCode, run.body).toBe(201);
  return { runId: run.json().id, runbookId, incidentId: incident.id };
}

/** Starts runners one after the other; `stopAll` stops every one started (a runner that stopped deregisters: it no longer counts as live). */
function runnerPool(t: TestApp): {
  start(name: string, labels: Record<string, string>): Promise<Runner>;
  stopAll(): Promise<void>;
} {
  const started: Runner[] = [];
  return {
    async start(name, labels) {
      const runner = await startTestRunner(t.app, t.db, { name, labels, capacity: 2 });
      started.push(runner);
      return runner;
    },
    async stopAll() {
      await Promise.all(started.splice(0).map((runner) => runner.stop({ cancel: true })));
    },
  };
}

describe.each(testBackends)('routing steps to runners by their labels on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('runs a step whose fence asks for env=prod only on the runner labelled env=prod', async () => {
    const { runId } = await startRun(t, routingRunbook('Routing by fence'), 'routing-fence.md');
    const runners = runnerPool(t);
    try {
      await runners.start('staging runner', { env: 'staging' });
      await runners.start('prod runner', { env: 'prod' });
      const requested = [];
      for (let i = 0; i < 4; i += 1) requested.push(await executeStep(t, runId, 's1'));
      for (const execution of requested) {
        expect(execution).toMatchObject({ runnerSelector: { env: 'prod' }, waitingFor: null });
        const ended = await waitForExecutionEnd(t, runId, execution.id);
        expect(ended).toMatchObject({ status: 'succeeded', runner: { name: 'prod runner' } });
        expect(await stdoutOf(t, runId, execution.id)).toBe('prod step\n');
      }
      // The step for env=staging goes the other way: the labels decide, not which runner asked first.
      const staging = await executeStep(t, runId, 's3');
      expect(await waitForExecutionEnd(t, runId, staging.id)).toMatchObject({
        status: 'succeeded',
        runner: { name: 'staging runner' },
      });
    } finally {
      await runners.stopAll();
    }
  });

  it.skipIf(!available)(
    'says what a step waits for while no runner may take it, and a matching runner starting later takes it',
    async () => {
      const { runId } = await startRun(t, routingRunbook('Routing waits'), 'routing-wait.md');
      const runners = runnerPool(t);
      try {
        await runners.start('staging runner', { env: 'staging' });
        const requested = await executeStep(t, runId, 's1');
        expect(requested).toMatchObject({ status: 'queued', runner: null, waitingFor: 'a runner with env=prod' });
        const shown = await executionOf(t, runId, requested.id);
        expect(shown).toMatchObject({ status: 'queued', runner: null, waitingFor: 'a runner with env=prod' });

        await runners.start('late prod runner', { env: 'prod' });
        const ended = await waitForExecutionEnd(t, runId, requested.id);
        expect(ended).toMatchObject({ status: 'succeeded', runner: { name: 'late prod runner' }, waitingFor: null });
        expect(await stdoutOf(t, runId, requested.id)).toBe('prod step\n');
      } finally {
        await runners.stopAll();
      }
    },
  );

  it.skipIf(!available)(
    'routes the steps of a runbook by the selector of its execution settings, a fence attribute winning',
    async () => {
      const { runId, runbookId } = await startRun(t, routingRunbook('Routing by settings'), 'routing-settings.md');
      const set = await t.call('PUT', `/api/v1/runbooks/${runbookId}/execution-settings`, {
        body: { allowSelfApproval: false, runner: 'env=prod' },
      });
      expect(set.json(), set.body).toEqual({ allowSelfApproval: false, parameters: {}, runner: 'env=prod' });
      const runners = runnerPool(t);
      try {
        await runners.start('staging runner', { env: 'staging' });
        const anyStep = await executeStep(t, runId, 's2');
        expect(anyStep).toMatchObject({
          status: 'queued',
          runnerSelector: { env: 'prod' },
          waitingFor: 'a runner with env=prod',
        });
        // The step's own fence attribute wins over the runbook's selector.
        const stagingStep = await executeStep(t, runId, 's3');
        expect(stagingStep).toMatchObject({ runnerSelector: { env: 'staging' }, waitingFor: null });
        expect(await waitForExecutionEnd(t, runId, stagingStep.id)).toMatchObject({
          status: 'succeeded',
          runner: { name: 'staging runner' },
        });
        expect(await executionOf(t, runId, anyStep.id)).toMatchObject({
          status: 'queued',
          runner: null,
          waitingFor: 'a runner with env=prod',
        });

        await runners.start('prod runner', { env: 'prod' });
        expect(await waitForExecutionEnd(t, runId, anyStep.id)).toMatchObject({
          status: 'succeeded',
          runner: { name: 'prod runner' },
        });
        expect(await stdoutOf(t, runId, anyStep.id)).toBe('any step\n');
      } finally {
        await runners.stopAll();
      }
    },
  );

  it.skipIf(!available)(
    "keeps a runbook's runner selector when its settings are saved without one, and refuses a malformed one",
    async () => {
      const { runbookId } = await startRun(t, routingRunbook('Routing settings kept'), 'routing-settings-kept.md');
      const url = `/api/v1/runbooks/${runbookId}/execution-settings`;
      expect(
        (await t.call('PUT', url, { body: { allowSelfApproval: false, runner: 'env=prod, site=eu' } })).json().runner,
      ).toBe('env=prod,site=eu');
      expect((await t.call('PUT', url, { body: { allowSelfApproval: true } })).json()).toEqual({
        allowSelfApproval: true,
        parameters: {},
        runner: 'env=prod,site=eu',
      });
      const bad = await t.call('PUT', url, { body: { allowSelfApproval: false, runner: 'prod' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.issues).toEqual([
        { path: '/runner', message: '"prod" is not a label: write name=value, e.g. env=prod' },
      ]);
      expect((await t.call('GET', url)).json().runner).toBe('env=prod,site=eu');
      expect(
        (await t.call('PUT', url, { token: t.users.responder.token, body: { allowSelfApproval: false, runner: '' } }))
          .statusCode,
      ).toBe(403);
    },
  );
});

describe.each(testBackends)('steps no runner takes in time on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, {
    config: { stepQueueTimeoutMs: 1000, stepHeartbeatMs: 100 },
    loops: ['step-jobs'],
  });
  const needed = 'no runner took it within 1 s (it needs a runner with env=prod)';

  it.skipIf(!available)(
    'ends a step no runner took within the queue timeout as cancelled, saying what it needed',
    async () => {
      const { runId, incidentId } = await startRun(t, routingRunbook('Queue timeout'), 'queue-timeout.md');
      const requested = await executeStep(t, runId, 's1');
      expect(requested).toMatchObject({ status: 'queued', waitingFor: 'a runner with env=prod' });
      const ended = await waitForExecutionEnd(t, runId, requested.id);
      expect(ended).toMatchObject({ status: 'cancelled', runner: null, endReason: needed, waitingFor: null });
      const timeline = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json<
        { type: string; payload: Record<string, unknown> }[]
      >();
      const finished = timeline.filter(
        (event) => event.type === 'step_finished' && event.payload['executionId'] === requested.id,
      );
      expect(finished).toHaveLength(1);
      expect(finished[0]!.payload).toMatchObject({ status: 'cancelled', reason: needed });
    },
  );

  it.skipIf(!available)(
    'skips the later steps of a section whose first step no runner took, though a runner could take them',
    async () => {
      const { runId, incidentId } = await startRun(
        t,
        routingRunbook('Queue timeout in a section'),
        'queue-timeout-section.md',
      );
      const staging = await startTestRunner(t.app, t.db, { name: 'staging runner', labels: { env: 'staging' } });
      try {
        const started = await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, { body: { section: 1 } });
        expect(started.statusCode, started.body).toBe(202);
        const queued = started.json<ExecutionView[]>();
        expect(queued.map((execution) => execution.stepId)).toEqual(['s1', 's2', 's3']);
        await waitForExecutionEnd(t, runId, queued[0]!.id);
        const executions = (await t.call('GET', `/api/v1/runs/${runId}`)).json().executions as ExecutionView[];
        expect(executions.map((execution) => [execution.stepId, execution.status])).toEqual([
          ['s1', 'cancelled'],
          ['s2', 'skipped'],
          ['s3', 'skipped'],
        ]);
        expect(executions[0]!.endReason).toBe(needed);
        expect(executions.map((execution) => execution.runner)).toEqual([null, null, null]);
        const types = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`))
          .json()
          .map((event: { type: string }) => event.type);
        expect(types).toEqual(expect.arrayContaining(['section_run_started', 'step_finished', 'steps_skipped']));
      } finally {
        await staging.stop({ cancel: true });
      }
    },
  );
});
