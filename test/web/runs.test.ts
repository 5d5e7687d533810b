import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { consolePassword, hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';

/** A runbook whose diagnosis prints over two seconds and whose fix deletes a file the test made. */
function cacheRunbook(marker: string): string {
  return [
    '# RUNBOOK: Cache node unresponsive',
    '',
    '## Symptoms',
    '- checkout pages time out',
    '',
    '## Diagnosis',
    '',
    '```bash',
    'echo "checking the cache node"; sleep 2; echo "cache answers PONG"',
    '```',
    '',
    '## Resolution',
    '',
    '```bash',
    `rm -f ${marker}`,
    '```',
    '',
  ].join('\n');
}

describe.skipIf(!hasChromium)('runbook runs on the incident page, in Chromium', () => {
  let harness: ConsoleHarness;
  let folder: string | undefined;
  let marker: string;
  let runbookId: string;
  let integrationKey: string;

  beforeAll(async () => {
    harness = await startConsole();
    folder = await mkdtemp(join(tmpdir(), 'astreinte-runs-'));
    marker = join(folder, 'stale-cache.lock');
    const imported = await harness.t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'cache.md', content: cacheRunbook(marker) },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    runbookId = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
    integrationKey = (await createIntegration(harness.t, { name: 'runs-browser', kind: 'prometheus' })).key;
    // A second responder, who approves what the first one asks.
    const created = await harness.t.call('POST', '/api/v1/users', {
      body: { username: 'second', name: 'Second Responder', email: 'second@example.test', role: 'responder' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const password = await harness.t.call('PUT', `/api/v1/users/${created.json<{ id: string }>().id}/password`, {
      body: { password: consolePassword },
    });
    expect(password.statusCode).toBe(204);
  }, 120_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  /** Fires an alert naming the runbook; returns the incident it opened. */
  async function alertIncident(alertname: string): Promise<string> {
    const pushed = await pushAlerts(harness.t, integrationKey, [
      promAlert(
        { alertname, severity: 'critical', runbook_id: runbookId },
        { annotations: { summary: `${alertname} on cache-1` } },
      ),
    ]);
    expect(pushed.statusCode).toBe(200);
    let id: string | undefined;
    await expect
      .poll(
        async () => {
          const list = (await harness.t.call('GET', '/api/v1/incidents?status=triggered')).json<{
            items: { id: string; title: string }[];
          }>();
          id = list.items.find((incident) => incident.title.includes(alertname))?.id;
          return id;
        },
        { timeout: 15_000 },
      )
      .toBeDefined();
    return id!;
  }

  async function openIncident(page: Page, id: string): Promise<void> {
    await page.goto(`${harness.base}/incidents/${id}`);
    await page.getByTestId('incident-runbooks').waitFor();
  }

  it('runs a diagnosis step with its output streaming in, and a destructive one only once a second responder approves it', async () => {
    await writeFile(marker, 'stale');
    const id = await alertIncident('CacheNodeDown');
    const first = await harness.signIn('responder');
    await openIncident(first, id);
    await first
      .getByTestId('suggested-runbook')
      .filter({ hasText: 'Cache node unresponsive' })
      .getByTestId('start-run')
      .click();
    const diagnosis = first.getByTestId('run-section').filter({ hasText: 'Diagnosis' }).getByTestId('run-step');
    await expect.poll(() => diagnosis.getByTestId('step-risk').textContent()).toMatch(/read-only|lecture seule/);
    await diagnosis.getByTestId('step-run').click();
    // The first line shows while the step still runs: the output streams, it does not wait for the end.
    const output = diagnosis.getByTestId('execution-output');
    await expect
      .poll(() => output.textContent().catch(() => ''), { timeout: 10_000 })
      .toContain('checking the cache node');
    expect(await diagnosis.getByTestId('execution').getAttribute('data-status')).toBe('running');
    await expect
      .poll(() => diagnosis.getByTestId('execution').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('succeeded');
    expect(await output.textContent()).toContain('cache answers PONG');

    const fix = first.getByTestId('run-section').filter({ hasText: 'Resolution' }).getByTestId('run-step');
    expect(await fix.getByTestId('step-risk').textContent()).toMatch(/DESTRUCTIVE|DESTRUCTRICE/);
    await fix.getByTestId('step-reason').fill('the stale lock blocks every cache write');
    await fix.getByTestId('step-run').click();
    await expect.poll(() => fix.getByTestId('execution').getAttribute('data-status')).toBe('awaiting-approval');
    await fix.getByTestId('awaiting-approval').waitFor();
    expect(await fix.getByTestId('approval-approve').count()).toBe(0);
    expect(existsSync(marker)).toBe(true);

    const second = await harness.signIn('second');
    await openIncident(second, id);
    const pending = second.getByTestId('run-section').filter({ hasText: 'Resolution' }).getByTestId('run-step');
    await pending.getByTestId('approval-form').waitFor();
    expect(await pending.locator('.command-preview').first().textContent()).toContain(`rm -f ${marker}`);
    await pending.getByTestId('approval-reason').fill('checked: only the lock file goes');
    await pending.getByTestId('approval-approve').click();
    await expect
      .poll(() => pending.getByTestId('execution').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('succeeded');
    expect(existsSync(marker)).toBe(false);
    // The first responder's page follows without a reload.
    await expect
      .poll(() => fix.getByTestId('execution').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('succeeded');
    await expect
      .poll(() => first.getByTestId('timeline').textContent(), { timeout: 10_000 })
      .toMatch(/Step approved|Étape approuvée/);
    await first.close();
    await second.close();
  }, 120_000);

  it("shows only the new attempt's output when a step runs again, its first line included", async () => {
    const content = [
      '# RUNBOOK: Attempt tokens',
      '## Diagnosis',
      '### Print a token',
      '```bash',
      'echo "token $(cat /proc/sys/kernel/random/uuid)"; echo "second line"',
      '```',
    ].join('\n');
    const imported = await harness.t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'tokens.md', content },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const tokensRunbook = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
    const incident = await harness.t.call('POST', '/api/v1/incidents', { body: { title: 'Attempt tokens' } });
    const id = incident.json<{ id: string }>().id;
    const run = await harness.t.call('POST', '/api/v1/runs', { body: { runbookId: tokensRunbook, incidentId: id } });
    const runId = run.json<{ id: string }>().id;
    const page = await harness.signIn('responder');
    await openIncident(page, id);
    const step = page.getByTestId('run-step').filter({ hasText: 'Print a token' });
    const latest = step.getByTestId('execution').first();
    /** What the API recorded for the step's latest attempt, as the page should show it. */
    const recorded = async (): Promise<string> => {
      const executions = (await harness.t.call('GET', `/api/v1/runs/${runId}`)).json<{
        executions: { id: string; status: string }[];
      }>().executions;
      const last = executions.at(-1)!;
      const output = (await harness.t.call('GET', `/api/v1/runs/${runId}/executions/${last.id}/output`)).json<
        { stream: string; text: string }[]
      >();
      return output.map((chunk) => chunk.text).join('');
    };
    const runOnce = async (): Promise<string> => {
      await step.getByTestId('step-run').click();
      await expect.poll(() => latest.getAttribute('data-status'), { timeout: 15_000 }).toBe('succeeded');
      const expected = await recorded();
      expect(expected).toMatch(/^token [0-9a-f-]{36}\nsecond line\n$/);
      await expect.poll(() => latest.getByTestId('execution-output').textContent(), { timeout: 10_000 }).toBe(expected);
      return expected;
    };
    const first = await runOnce();
    const second = await runOnce();
    // Without a reload: the new attempt's output, whole, and not the last one's.
    expect(second).not.toBe(first);
    expect(await step.getByTestId('execution').count()).toBe(2);
    await page.close();
  }, 90_000);

  it('shows a viewer no run, start or approve buttons, and the API refuses them anyway', async () => {
    const id = await alertIncident('CacheNodeSlow');
    const started = await harness.t.call('POST', '/api/v1/runs', {
      token: harness.t.users.responder.token,
      body: { runbookId, incidentId: id },
    });
    const runId = started.json<{ id: string }>().id;
    const requested = await harness.t.call('POST', `/api/v1/runs/${runId}/steps/s2/execute`, {
      token: harness.t.users.responder.token,
      body: { confirm: true, reason: 'lock again' },
    });
    expect(requested.statusCode, requested.body).toBe(202);
    const executionId = requested.json<{ execution: { id: string } }>().execution.id;

    const page = await harness.signIn('viewer');
    await openIncident(page, id);
    await page.getByTestId('run').waitFor();
    await expect
      .poll(() => page.getByTestId('execution').first().getAttribute('data-status'))
      .toBe('awaiting-approval');
    for (const control of [
      'start-run',
      'runbook-start',
      'step-run',
      'section-run-read-only',
      'approval-approve',
      'outcome-skip',
      'execution-cancel',
    ]) {
      expect(await page.getByTestId(control).count(), control).toBe(0);
    }
    const refused = await page.evaluate(
      async ({ run, execution }) => {
        const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
        const headers = { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
        const approve = await fetch(`/api/v1/runs/${run}/executions/${execution}/approval`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ decision: 'approve', reason: 'viewer' }),
        });
        const runStep = await fetch(`/api/v1/runs/${run}/steps/s1/execute`, { method: 'POST', headers, body: '{}' });
        return [approve.status, runStep.status];
      },
      { run: runId, execution: executionId },
    );
    expect(refused).toEqual([403, 403]);
    await page.close();
  }, 90_000);
});
