import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { waitForExecutionEnd } from '../support/run-steps.js';
import { testBackends } from '../support/test-database.js';

const fence = '```';
const runbook = [
  '# RUNBOOK: Step execution test',
  '## Symptoms',
  '- the test needs it',
  '## Diagnosis',
  `${fence}bash`,
  "printf 'ticket=%s\\n' <ticket>",
  'echo "token is $API_TOKEN"',
  'for i in 1 2 3; do echo "line $i"; sleep 0.3; done',
  'echo warn >&2',
  fence,
  `${fence}bash`,
  'grep -q never /dev/null',
  fence,
  `${fence}bash`,
  'sleep 30',
  fence,
  '## Fix',
  `${fence}bash`,
  'mkdir -p /tmp/astreinte-exec-test',
  fence,
  `${fence}bash`,
  'redis-cli FLUSHALL',
  fence,
  `${fence}bash`,
  'rm -f /tmp/astreinte-approval-<label>',
  fence,
  `${fence}bash`,
  'sudo rm -rf / --no-preserve-root',
  fence,
  '1. Tell the team in the channel',
].join('\n');
const secretKey = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const canary = '/tmp/astreinte-exec-canary';

describe.each(testBackends)('running steps on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey }, runner: true });

  async function startRun(): Promise<{ runId: string; incidentId: string }> {
    const imported = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'exec.md', content: runbook },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'exec' } })).json();
    const run = await t.call('POST', '/api/v1/runs', {
      body: { runbookId: imported.json().runbooks[0].id, incidentId: incident.id },
    });
    return { runId: run.json().id, incidentId: incident.id };
  }

  it.skipIf(!available)(
    'runs a step with a hostile parameter and a secret: output streamed, literal, redacted, in the timeline',
    async () => {
      rmSync(canary, { force: true });
      const { runId, incidentId } = await startRun();
      const parameters = { ticket: `x; touch ${canary} $(touch ${canary})`, API_TOKEN: 's3cr3t-t0ken-value' };
      const started = await t.call('POST', `/api/v1/runs/${runId}/steps/s1/execute`, {
        token: t.users.responder.token,
        body: { parameters },
      });
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json().preview).not.toContain('s3cr3t');
      const execution = await waitForExecutionEnd(t, runId, started.json().execution.id);
      expect(execution).toMatchObject({ status: 'succeeded', exitCode: 0 });
      expect(existsSync(canary)).toBe(false);
      const output = (
        await t.call('GET', `/api/v1/runs/${runId}/executions/${execution['id'] as string}/output`)
      ).json();
      const stdout = output
        .filter((o: { stream: string }) => o.stream === 'stdout')
        .map((o: { text: string }) => o.text)
        .join('');
      expect(stdout).toBe(`ticket=${parameters.ticket}\ntoken is [REDACTED:API_TOKEN]\nline 1\nline 2\nline 3\n`);
      expect(
        output
          .filter((o: { stream: string }) => o.stream === 'stderr')
          .map((o: { text: string }) => o.text)
          .join(''),
      ).toBe('warn\n');
      const timeline = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json();
      const types = timeline.map((e: { type: string }) => e.type);
      expect(types[types.length - 1]).toBe('step_finished');
      // The step prints over a second, flushed every 250 ms: its output arrives in several events.
      expect(types.filter((type: string) => type === 'step_output').length).toBeGreaterThan(1);
      expect(JSON.stringify(timeline)).not.toContain('s3cr3t');
      expect(timeline.find((e: { type: string }) => e.type === 'step_started').payload.command).toContain(
        'echo "token is ••••••"',
      );
    },
  );

  it.skipIf(!available)(
    'refuses missing parameters, unconfirmed changes, destructive steps, manual steps and viewers',
    async () => {
      const { runId } = await startRun();
      const missing = await t.call('POST', `/api/v1/runs/${runId}/steps/s1/execute`, { body: {} });
      expect(missing.statusCode).toBe(400);
      expect(
        missing
          .json()
          .details.issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['/parameters/API_TOKEN', '/parameters/ticket']);
      const unconfirmed = await t.call('POST', `/api/v1/runs/${runId}/steps/s4/execute`, { body: {} });
      expect(unconfirmed.statusCode).toBe(409);
      expect(unconfirmed.json().details.requires).toBe('confirm');
      const noReason = await t.call('POST', `/api/v1/runs/${runId}/steps/s5/execute`, { body: { confirm: true } });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().details.issues[0].path).toBe('/reason');
      expect((await t.call('POST', `/api/v1/runs/${runId}/steps/s9/execute`, { body: {} })).statusCode).toBe(404);
      expect(
        (await t.call('POST', `/api/v1/runs/${runId}/steps/s2/execute`, { token: t.users.viewer.token, body: {} }))
          .statusCode,
      ).toBe(403);
      const run = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
      expect(run.executions).toEqual([]);
    },
  );

  it.skipIf(!available)('shows a dry run without running anything, and runs a confirmed change', async () => {
    const { runId } = await startRun();
    const dry = await t.call('POST', `/api/v1/runs/${runId}/steps/s1/execute`, {
      body: { dryRun: true, parameters: { ticket: "it's", API_TOKEN: 'another-secret' } },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().execution).toBeNull();
    expect(dry.json().preview).toContain("printf 'ticket=%s\\n' 'it'\\''s'");
    expect(dry.json().preview).not.toContain('another-secret');
    const confirmed = await t.call('POST', `/api/v1/runs/${runId}/steps/s4/execute`, { body: { confirm: true } });
    expect(confirmed.statusCode).toBe(202);
    expect(await waitForExecutionEnd(t, runId, confirmed.json().execution.id)).toMatchObject({
      status: 'succeeded',
      attempt: 1,
    });
  });

  it.skipIf(!available)('records a failing step and a step that times out, killed', async () => {
    const { runId } = await startRun();
    const failing = await t.call('POST', `/api/v1/runs/${runId}/steps/s2/execute`, { body: {} });
    expect(await waitForExecutionEnd(t, runId, failing.json().execution.id)).toMatchObject({
      status: 'failed',
      exitCode: 1,
    });
    const slow = await t.call('POST', `/api/v1/runs/${runId}/steps/s3/execute`, { body: { timeoutSeconds: 1 } });
    const ended = await waitForExecutionEnd(t, runId, slow.json().execution.id);
    expect(ended['status']).toBe('timed-out');
    expect(ended['durationMs']).toBeLessThan(10_000);
  });

  it.skipIf(!available)('cancels a running step, killing its process group, and keeps what it printed', async () => {
    const { runId, incidentId } = await startRun();
    const slow = await t.call('POST', `/api/v1/runs/${runId}/steps/s3/execute`, { body: {} });
    const executionId = slow.json().execution.id;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelled = await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/cancel`, {
      token: t.users.responder.token,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    const ended = await waitForExecutionEnd(t, runId, executionId);
    expect(ended['status']).toBe('cancelled');
    expect(ended['durationMs']).toBeLessThan(10_000);
    const again = await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/cancel`);
    expect(again.statusCode).toBe(409);
    const timeline = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({ type: 'step_finished', payload: { executionId, status: 'cancelled' } });
  });

  it.skipIf(!available)(
    'waits for a second responder to approve a destructive step, then runs it with its sealed values',
    async () => {
      const { runId, incidentId } = await startRun();
      const { writeFileSync } = await import('node:fs');
      writeFileSync('/tmp/astreinte-approval-demo', 'x');
      const requested = await t.call('POST', `/api/v1/runs/${runId}/steps/s6/execute`, {
        token: t.users.responder.token,
        body: { parameters: { label: 'demo' }, reason: 'stale lock file' },
      });
      expect(requested.statusCode, requested.body).toBe(202);
      const executionId = requested.json().execution.id;
      expect(requested.json().execution).toMatchObject({
        status: 'awaiting-approval',
        commandPreview: "rm -f /tmp/astreinte-approval-'demo'",
        reason: 'stale lock file',
      });
      expect(existsSync('/tmp/astreinte-approval-demo')).toBe(true);
      const own = await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/approval`, {
        token: t.users.responder.token,
        body: { decision: 'approve', reason: 'mine' },
      });
      expect(own.statusCode).toBe(403);
      expect(
        (
          await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/approval`, {
            token: t.users.viewer.token,
            body: { decision: 'approve', reason: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      const approved = await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/approval`, {
        body: { decision: 'approve', reason: 'checked the lock is stale' },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(await waitForExecutionEnd(t, runId, executionId)).toMatchObject({ status: 'succeeded' });
      expect(existsSync('/tmp/astreinte-approval-demo')).toBe(false);
      const again = await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/approval`, {
        body: { decision: 'refuse', reason: 'late' },
      });
      expect(again.statusCode).toBe(409);
      const types = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`))
        .json()
        .map((e: { type: string }) => e.type);
      expect(types).toEqual(expect.arrayContaining(['step_approval_requested', 'step_approved', 'step_finished']));
      const audit = (
        await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [runId])
      ).rows.map((r) => r.action);
      expect(audit).toEqual(['run.start', 'step.request_approval', 'step.approve']);
    },
  );

  it.skipIf(!available)('records a refusal, and lets an admin allow self-approval for one runbook', async () => {
    const { runId } = await startRun();
    const first = await t.call('POST', `/api/v1/runs/${runId}/steps/s5/execute`, {
      token: t.users.responder.token,
      body: { reason: 'cache poisoned' },
    });
    const refused = await t.call('POST', `/api/v1/runs/${runId}/executions/${first.json().execution.id}/approval`, {
      body: { decision: 'refuse', reason: 'too broad' },
    });
    expect(refused.json().status).toBe('refused');
    const run = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
    expect(
      (
        await t.call('PUT', `/api/v1/runbooks/${run.runbookId}/execution-settings`, {
          token: t.users.responder.token,
          body: { allowSelfApproval: true },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call('PUT', `/api/v1/runbooks/${run.runbookId}/execution-settings`, {
          body: { allowSelfApproval: true },
        })
      ).statusCode,
    ).toBe(200);
    const second = await t.call('POST', `/api/v1/runs/${runId}/steps/s6/execute`, {
      token: t.users.responder.token,
      body: { parameters: { label: 'self' }, reason: 'mine' },
    });
    expect(second.json().execution.attempt).toBe(1);
    const self = await t.call('POST', `/api/v1/runs/${runId}/executions/${second.json().execution.id}/approval`, {
      token: t.users.responder.token,
      body: { decision: 'approve', reason: 'allowed' },
    });
    expect(self.statusCode, self.body).toBe(200);
    expect(await waitForExecutionEnd(t, runId, second.json().execution.id)).toMatchObject({ status: 'succeeded' });
    await t.call('PUT', `/api/v1/runbooks/${run.runbookId}/execution-settings`, { body: { allowSelfApproval: false } });
  });

  it.skipIf(!available)(
    'never runs a step on the deny list, checks off manual steps, skips steps and ends the run',
    async () => {
      const { runId, incidentId } = await startRun();
      const denied = await t.call('POST', `/api/v1/runs/${runId}/steps/s7/execute`, {
        body: { confirm: true, reason: 'no' },
      });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().details.deniedBy).toMatch(/rm/);
      const manual = await t.call('POST', `/api/v1/runs/${runId}/steps/s8/outcome`, {
        body: { outcome: 'done', note: 'posted in #ops' },
      });
      expect(manual.statusCode, manual.body).toBe(201);
      expect(manual.json()).toMatchObject({ status: 'done', reason: 'posted in #ops' });
      expect(
        (await t.call('POST', `/api/v1/runs/${runId}/steps/s1/outcome`, { body: { outcome: 'done', note: 'x' } }))
          .statusCode,
      ).toBe(400);
      expect(
        (
          await t.call('POST', `/api/v1/runs/${runId}/steps/s2/outcome`, {
            body: { outcome: 'skipped', note: 'not relevant' },
          })
        ).json().status,
      ).toBe('skipped');
      const slow = await t.call('POST', `/api/v1/runs/${runId}/steps/s3/execute`, { body: {} });
      const refused = await t.call('POST', `/api/v1/runs/${runId}/end`, { body: { outcome: 'verified' } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().details.allowedOutcomes).toEqual(['abandoned']);
      const abandoned = await t.call('POST', `/api/v1/runs/${runId}/end`, {
        body: { outcome: 'abandoned', note: 'wrong runbook' },
      });
      expect(abandoned.statusCode).toBe(200);
      expect(abandoned.json().status).toBe('abandoned');
      expect(await waitForExecutionEnd(t, runId, slow.json().execution.id)).toMatchObject({ status: 'cancelled' });
      expect((await t.call('POST', `/api/v1/runs/${runId}/steps/s1/execute`, { body: {} })).statusCode).toBe(409);
      const types = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`))
        .json()
        .map((e: { type: string }) => e.type);
      expect(types).toEqual(expect.arrayContaining(['step_checked', 'step_skipped', 'run_ended']));
    },
  );
});
