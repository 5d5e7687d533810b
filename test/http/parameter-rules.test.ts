import { describe, expect, it } from 'vitest';
import { waitForExecutionEnd } from '../support/run-steps.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const fence = '```';
const runbook = [
  '# RUNBOOK: Parameter rules',
  '## Diagnosis',
  `${fence}bash {"allowed.env":"staging, production","pattern.task_id":"[a-z]+"}`,
  'echo "checking <task_id> on <env>"',
  fence,
].join('\n');

describe.each(testBackends)('parameter rules on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { runner: true });

  it.skipIf(!available)(
    "checks values against the step's rules and the admin's, which win, before anything runs",
    async () => {
      const imported = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'rules.md', content: runbook },
      });
      const runbookId = imported.json().runbooks[0].id;
      const runId = (await t.call('POST', '/api/v1/runs', { body: { runbookId } })).json().id;
      const execute = (parameters: Record<string, string>) =>
        t.call('POST', `/api/v1/runs/${runId}/steps/s1/execute`, { body: { parameters } });

      const fromStep = await execute({ env: 'dev', task_id: '42' });
      expect(fromStep.statusCode).toBe(400);
      expect(fromStep.json().details.issues).toEqual([
        { path: '/parameters/task_id', message: 'must match [a-z]+' },
        { path: '/parameters/env', message: 'must be one of: staging, production' },
      ]);

      expect(
        (
          await t.call('GET', `/api/v1/runbooks/${runbookId}/execution-settings`, { token: t.users.viewer.token })
        ).json(),
      ).toEqual({ allowSelfApproval: false, parameters: {}, runner: '' });
      const rules = { allowSelfApproval: false, parameters: { task_id: { pattern: '[0-9]+' } } };
      expect(
        (
          await t.call('PUT', `/api/v1/runbooks/${runbookId}/execution-settings`, {
            token: t.users.responder.token,
            body: rules,
          })
        ).statusCode,
      ).toBe(403);
      const bad = await t.call('PUT', `/api/v1/runbooks/${runbookId}/execution-settings`, {
        body: { allowSelfApproval: false, parameters: { task_id: { pattern: '([0-9]' } } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.issues[0].path).toBe('/parameters/task_id/pattern');
      expect((await t.call('PUT', `/api/v1/runbooks/${runbookId}/execution-settings`, { body: rules })).json()).toEqual(
        { ...rules, runner: '' },
      );
      expect((await t.call('GET', `/api/v1/runbooks/${runbookId}/execution-settings`)).json()).toEqual({
        ...rules,
        runner: '',
      });

      // The pattern is anchored: a value that only contains a match is refused.
      expect((await execute({ env: 'staging', task_id: '42; rm -rf /tmp/x' })).json().details.issues).toEqual([
        { path: '/parameters/task_id', message: 'must match [0-9]+' },
      ]);
      const accepted = await execute({ env: 'staging', task_id: '42' });
      expect(accepted.statusCode, accepted.body).toBe(202);
      expect(await waitForExecutionEnd(t, runId, accepted.json().execution.id)).toMatchObject({ status: 'succeeded' });
      const runs = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
      expect(runs.executions).toHaveLength(1);
    },
  );
});
