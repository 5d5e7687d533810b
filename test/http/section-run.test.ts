import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const fence = '```';
const runbook = [
  '# RUNBOOK: Section run',
  '## Symptoms',
  '- x',
  '## Diagnosis',
  `${fence}bash`,
  'echo "one <host>"',
  fence,
  `${fence}bash`,
  'grep -q never /dev/null',
  fence,
  `${fence}bash`,
  'echo three',
  fence,
  `${fence}bash`,
  'mkdir -p /tmp/astreinte-section-test',
  fence,
].join('\n');

async function settled(t: TestApp, runId: string, count: number): Promise<{ stepId: string; status: string }[]> {
  for (let i = 0; i < 150; i += 1) {
    const executions = (await t.call('GET', `/api/v1/runs/${runId}`)).json().executions as {
      stepId: string;
      status: string;
    }[];
    if (executions.length === count && executions.every((e) => !['queued', 'running'].includes(e.status)))
      return executions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the section did not settle');
}

describe.each(testBackends)('running the read-only steps of a section on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { runner: true });

  async function start(): Promise<{ runId: string; incidentId: string }> {
    const imported = (
      await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'section.md', content: runbook } })
    ).json();
    const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'section' } })).json();
    const run = (
      await t.call('POST', '/api/v1/runs', { body: { runbookId: imported.runbooks[0].id, incidentId: incident.id } })
    ).json();
    return { runId: run.id, incidentId: incident.id };
  }

  it.skipIf(!available)('runs them in order, stops at the first failure and skips the rest', async () => {
    const { runId, incidentId } = await start();
    const started = await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, {
      body: { section: 1, parameters: { host: 'db-1' } },
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().map((e: { stepId: string }) => e.stepId)).toEqual(['s1', 's2', 's3']);
    const executions = await settled(t, runId, 3);
    expect(executions.map((e) => [e.stepId, e.status])).toEqual([
      ['s1', 'succeeded'],
      ['s2', 'failed'],
      ['s3', 'skipped'],
    ]);
    const types = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`))
      .json()
      .map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['section_run_started', 'steps_skipped']));
  });

  it.skipIf(!available)(
    'goes on after a failure when asked, and asks for the parameters of every step first',
    async () => {
      const { runId } = await start();
      const missing = await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, { body: { section: 1 } });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().details.issues[0].path).toBe('/parameters/host');
      await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, {
        body: { section: 1, parameters: { host: 'db-1' }, continueOnFailure: true },
      });
      const executions = await settled(t, runId, 3);
      expect(executions.map((e) => e.status)).toEqual(['succeeded', 'failed', 'succeeded']);
      expect(
        (await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, { body: { section: 0 } })).statusCode,
      ).toBe(400);
      expect(
        (await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, { body: { section: 9 } })).statusCode,
      ).toBe(404);
    },
  );
});
