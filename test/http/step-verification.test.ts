import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { waitForExecutionEnd } from '../support/run-steps.js';
import { testBackends } from '../support/test-database.js';

const fence = '```';
const runbook = [
  '# RUNBOOK: API down',
  '**Severity**: P2',
  '## Symptoms',
  '- 502 on /api',
  '## Diagnosis',
  `${fence}bash`,
  'echo checking',
  fence,
  '## Resolution',
  `${fence}bash`,
  'echo restarted',
  fence,
  '## Verification',
  `${fence}bash`,
  'echo "<answer>"',
  '# Doit retourner: PONG',
  fence,
  `${fence}bash {"expectHttpStatus":"200"}`,
  "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:<port>/<path>",
  fence,
  '1. Check the dashboard is green',
].join('\n');

// The service the verification checks: a local HTTP server, healthy on /ok, failing on /down.
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((request, response) => response.writeHead(request.url === '/ok' ? 200 : 503).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.each(testBackends)('verification steps on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { runner: true });

  async function execute(
    runId: string,
    stepId: string,
    parameters: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const started = await t.call('POST', `/api/v1/runs/${runId}/steps/${stepId}/execute`, { body: { parameters } });
    expect(started.statusCode, started.body).toBe(202);
    return waitForExecutionEnd(t, runId, started.json().execution.id);
  }

  it.skipIf(!available)(
    'fails a verification whose output is wrong, keeps the run active, and verifies the run once every check passed',
    async () => {
      const imported = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'verify.md', content: runbook },
      });
      const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'api down' } })).json();
      const runId = (
        await t.call('POST', '/api/v1/runs', {
          body: { runbookId: imported.json().runbooks[0].id, incidentId: incident.id },
        })
      ).json().id;
      const steps = (await t.call('GET', `/api/v1/runbooks/${imported.json().runbooks[0].id}`))
        .json()
        .structure.sections.find((s: { kind: string }) => s.kind === 'verification').steps;
      const [echo, curl, manual] = steps.map((step: { id: string }) => step.id);

      const dry = await t.call('POST', `/api/v1/runs/${runId}/steps/${echo}/execute`, {
        body: { dryRun: true, parameters: { answer: 'x' } },
      });
      expect(dry.json().condition).toEqual({ exitCodes: [0], outputContains: 'PONG', source: 'comment' });

      const wrong = await execute(runId, echo, { answer: 'PANG' });
      expect(wrong).toMatchObject({
        status: 'failed',
        exitCode: 0,
        verification: { passed: false, detail: 'output does not contain "PONG"' },
      });
      expect(await execute(runId, echo, { answer: 'PONG' })).toMatchObject({
        status: 'succeeded',
        attempt: 2,
        verification: { passed: true },
      });

      const down = await execute(runId, curl, { port: String(port), path: 'down' });
      expect(down).toMatchObject({
        status: 'failed',
        verification: { passed: false, detail: 'HTTP status 503, expected 200' },
      });
      expect((await t.call('GET', `/api/v1/runs/${runId}`)).json().status).toBe('active');
      expect(await execute(runId, curl, { port: String(port), path: 'ok' })).toMatchObject({
        status: 'succeeded',
        verification: { passed: true, detail: 'exit status 0; HTTP status 200' },
      });
      // The manual check of the section is still open: the run waits for it.
      expect((await t.call('GET', `/api/v1/runs/${runId}`)).json().status).toBe('active');

      const checked = await t.call('POST', `/api/v1/runs/${runId}/steps/${manual}/outcome`, {
        body: { outcome: 'done', note: 'all green' },
      });
      expect(checked.statusCode, checked.body).toBe(201);
      const run = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
      expect(run).toMatchObject({ status: 'verified', endedAt: expect.any(String) });
      const timeline = (await t.call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json();
      const finished = timeline
        .filter((e: { type: string }) => e.type === 'step_finished')
        .map((e: { payload: { verification?: { passed: boolean } } }) => e.payload.verification?.passed);
      expect(finished).toEqual([false, true, false, true]);
      expect(timeline.at(-1)).toMatchObject({
        type: 'run_ended',
        payload: { outcome: 'verified', note: 'all 3 verification steps passed', automatic: true },
      });
    },
  );

  it.skipIf(!available)(
    'verifies a run when the last verification command passes after the manual checks',
    async () => {
      const imported = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'verify.md', content: runbook },
      });
      const runId = (
        await t.call('POST', '/api/v1/runs', { body: { runbookId: imported.json().runbooks[0].id } })
      ).json().id;
      const steps = (await t.call('GET', `/api/v1/runbooks/${imported.json().runbooks[0].id}`))
        .json()
        .structure.sections.find((s: { kind: string }) => s.kind === 'verification').steps;
      const [echo, curl, manual] = steps.map((step: { id: string }) => step.id);
      await t.call('POST', `/api/v1/runs/${runId}/steps/${manual}/outcome`, {
        body: { outcome: 'done', note: 'green' },
      });
      await execute(runId, curl, { port: String(port), path: 'ok' });
      expect((await t.call('GET', `/api/v1/runs/${runId}`)).json().status).toBe('active');
      await execute(runId, echo, { answer: 'PONG' });
      let status = 'active';
      for (let i = 0; i < 50 && status === 'active'; i += 1) {
        status = (await t.call('GET', `/api/v1/runs/${runId}`)).json().status;
        if (status === 'active') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe('verified');
      const audit = (
        await t.db.query<{ action: string; actor_type: string }>(
          `SELECT action, actor_type FROM audit_log WHERE target_id = $1 AND action = 'run.end'`,
          [runId],
        )
      ).rows;
      expect(audit).toEqual([{ action: 'run.end', actor_type: 'system' }]);
    },
  );
});
