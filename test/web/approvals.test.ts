import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestStepApproval } from '../support/approval-request.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';

type Hooked = { event: string; recipient: { userId: string }; incident: { url: string } };

describe.skipIf(!hasChromium)('an approval request, from the message to the decision, in Chromium at 390 px', () => {
  let harness: ConsoleHarness;
  let hook: RecordingServer;
  let folder: string | undefined;
  let marker: string;
  let runbookId: string;

  beforeAll(async () => {
    harness = await startConsole({ config: { secretKey: 'a1'.repeat(32) } });
    hook = await startRecordingServer();
    folder = await mkdtemp(join(tmpdir(), 'astreinte-approvals-'));
    marker = join(folder, 'stale.lock');
    const { t } = harness;
    const call = async (method: string, url: string, body: unknown) => {
      const answer = await t.call(method, url, { body });
      expect(answer.statusCode, answer.body).toBeLessThan(300);
      return answer;
    };
    await call('PUT', '/api/v1/notification-channels/approvals-hook', {
      name: 'Hook',
      config: { kind: 'webhook', url: `${hook.url}/hook`, secret: 'a-secret-of-some-length' },
    });
    await t.db.query(`UPDATE users SET notification_rules = '[{"channel": "webhook", "delayMinutes": 0}]'`);
    // The admin is on call; the responder, who asks, too.
    await call('PUT', '/api/v1/escalation-policies/cache-team', {
      name: 'Cache team',
      levels: [
        {
          delayMinutes: 0,
          targets: [t.users.responder, t.users.admin].map((user) => ({ type: 'user', id: user.id })),
        },
      ],
    });
    await call('POST', '/api/v1/services', { id: 'cache', name: 'Cache' });
    await call('PUT', '/api/v1/services/cache/escalation-policy', { policyId: 'cache-team' });
    const content = [
      '# RUNBOOK: Stale cache lock',
      '## Symptoms',
      '- cache writes hang',
      '## Resolution',
      '### Remove the stale lock',
      '```bash',
      `rm -f ${marker}`,
      '```',
    ].join('\n');
    const imported = await call('POST', '/api/v1/runbook-sources', { filename: 'lock.md', content });
    runbookId = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
    await (hook as RecordingServer | undefined)?.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('opens the link of the message on the request at the top of the incident page, and approves it from the keyboard', async () => {
    const { t } = harness;
    await writeFile(marker, 'stale');
    const { incidentId, executionId } = await requestStepApproval(t, {
      runbookId,
      title: 'Cache writes hang',
      service: 'cache',
      severity: 'P2',
      reason: 'the lock is three hours old',
    });

    // The admin is paged; the responder, who asked, is not.
    const message = await eventually(
      'the approval message',
      () =>
        hook.requests
          .map((request) => JSON.parse(request.body) as Hooked)
          .find((body) => body.event === 'step.approval_requested') ?? null,
    );
    expect(message.recipient.userId).toBe(t.users.admin.id);
    const link = new URL(message.incident.url);
    expect(link.pathname + link.search).toBe(`/incidents/${incidentId}?approval=${executionId}`);

    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}${link.pathname}${link.search}`);
    const card = page.locator(`[data-testid="pending-approval"][data-execution-id="${executionId}"]`);
    await card.waitFor();
    // At the top: before the runbooks panel, on the first screen, its reason field already focused.
    const box = (await card.boundingBox())!;
    expect(box.y + 80).toBeLessThan(844);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const runbooks = (await page.getByTestId('incident-runbooks').boundingBox())!;
    expect(box.y).toBeLessThan(runbooks.y);
    expect(await card.getByTestId('pending-approval-command').textContent()).toBe(`rm -f ${marker}`);
    expect(await card.textContent()).toContain('the lock is three hours old');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('approval-reason');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('language-switcher').selectOption('fr');
    await page.getByRole('heading', { name: 'En attente d’approbation' }).waitFor();
    expect(await card.getByRole('heading').textContent()).toBe('Remove the stale lock — Stale cache lock');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await card.getByTestId('approval-reason').focus();
    await page.keyboard.type('checked: only the lock goes');
    await page.keyboard.press('Enter');
    // The request leaves the top of the page; the link it came from now says it was decided.
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);
    await eventually('the approved step run', () => (existsSync(marker) ? null : true), 20_000);
    expect(await page.getByTestId('approval-decided').textContent()).toMatch(
      /no longer waiting: it is (queued|running|succeeded)/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
