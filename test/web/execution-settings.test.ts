import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runner } from '../../src/runner/runner.js';
import { startRunner } from '../../src/runner/start-runner.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { seedBytes, seedsAvailable } from '../support/seeds.js';
import { injectTransport } from '../support/test-runner.js';

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.skipIf(!hasChromium || !seedsAvailable)("a runbook's execution settings page in Chromium", () => {
  let harness: ConsoleHarness;
  let runbookId: string;
  // Beside the test runner (no labels): one labelled env=prod, site=eu, for the selector's preview.
  let edge: Runner | undefined;

  beforeAll(async () => {
    harness = await startConsole();
    const { t } = harness;
    // Seed 000's "Dispatch bloqué" revokes a Celery task by its `<task_id>`, a destructive step.
    const imported = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: '000.md', contentBase64: seedBytes('000').toString('base64') },
    });
    if (imported.statusCode !== 201) throw new Error(`import failed: ${imported.statusCode} ${imported.body}`);
    const { runbooks } = imported.json<{ runbooks: { id: string; title: string }[] }>();
    runbookId = runbooks.find((runbook) => runbook.title.startsWith('Dispatch bloqué'))!.id;
    const token = await t.call('POST', '/api/v1/tokens', { body: { role: 'runner', name: 'edge-eu' } });
    edge = await startRunner({
      transport: injectTransport(t.app, token.json<{ secret: string }>().secret),
      sandbox: 'none',
      name: 'edge-eu',
      labels: { env: 'prod', site: 'eu' },
      capacity: 1,
      claimWaitMs: 500,
      log: silentLog,
    });
  }, 180_000);
  afterAll(async () => {
    await edge?.stop({ cancel: true });
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  const settingsNow = async () =>
    (await harness.t.call('GET', `/api/v1/runbooks/${runbookId}/execution-settings`)).json<unknown>();
  const rule = (page: Page, name: string) => page.locator(`[data-testid="parameter-rule"][data-name="${name}"]`);
  const previewed = (page: Page) =>
    page.getByTestId('runner-preview-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-name')));

  it('sets a pattern tried on values, self-approval and a runner selector from the keyboard on a phone, refusing a pattern that does not compile, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/runbooks/${runbookId}`);
    await page.getByTestId('runbook-settings-link').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('execution-settings-form').waitFor();
    expect(
      await page.getByTestId('parameter-rule').evaluateAll((rules) => rules.map((r) => r.getAttribute('data-name'))),
    ).toEqual(['task_id']);
    expect(await rule(page, 'task_id').locator('.hint').first().textContent()).toMatch(
      /^Used as <task_id> in \d+ step\(s\): s\d+(, s\d+)*$/,
    );

    // The preview follows the selector as it is typed.
    const selector = page.getByTestId('runner-selector');
    expect((await previewed(page)).sort()).toEqual(['edge-eu', 'test runner']);
    await selector.focus();
    await page.keyboard.type('env=prod');
    await expect.poll(() => previewed(page)).toEqual(['edge-eu']);
    expect(await page.getByTestId('runner-preview-others').textContent()).toBe(
      '1 other connected runner(s) would not take them.',
    );
    await page.keyboard.type(',site=us');
    await page.getByTestId('runner-preview-none').waitFor();
    for (let i = 0; i < ',site=us'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => previewed(page)).toEqual(['edge-eu']);

    // A pattern that does not compile: said as it is tried, then by the server next to its field; nothing saved.
    const taskId = rule(page, 'task_id');
    await taskId.getByTestId('rule-kind').selectOption('pattern');
    await taskId.getByTestId('rule-pattern').focus();
    await page.keyboard.type('([0-9a-f-]{36}');
    await taskId.getByTestId('rule-try').focus();
    await page.keyboard.type('42');
    expect(await taskId.getByTestId('rule-outcome').getAttribute('data-outcome')).toBe('bad-pattern');
    await page.keyboard.press('Enter');
    const patternError = taskId.getByTestId('field-error-parameters-task_id-pattern');
    await patternError.waitFor();
    expect(await patternError.textContent()).toMatch(/^is not a regular expression/);
    expect(await taskId.getByTestId('rule-pattern').getAttribute('aria-invalid')).toBe('true');
    expect(await taskId.getByTestId('rule-pattern').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await settingsNow()).toEqual({ allowSelfApproval: false, parameters: {}, runner: '' });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The focus is on the pattern: fix it, try values, switch self-approval on and save, all from the keyboard.
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    expect(await taskId.getByTestId('rule-outcome').getAttribute('data-outcome')).toBe('no-match');
    await taskId.getByTestId('rule-try').fill('');
    await taskId.getByTestId('rule-try').focus();
    await page.keyboard.type('0b6f2c1e-8a4d-4c39-9f0e-2d7a5b3c1e90');
    expect(await taskId.getByTestId('rule-outcome').textContent()).toBe('✓ Accepted');
    expect(await page.getByTestId('self-approval-meaning').textContent()).toMatch(/^Off: each of the \d+ destructive/);
    await page.getByTestId('self-approval').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('self-approval-meaning').textContent()).toMatch(/^On: one responder alone/);
    await selector.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('execution-settings-saved').waitFor();
    expect(await settingsNow()).toEqual({
      allowSelfApproval: true,
      parameters: { task_id: { pattern: '[0-9a-f-]{36}' } },
      runner: 'env=prod',
    });

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Réglages d’exécution : /);
    expect(await page.getByTestId('self-approval-meaning').textContent()).toMatch(/^Activé : un intervenant seul/);
    expect(await taskId.getByTestId('rule-outcome').textContent()).toBe('✓ Acceptée');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);

  it('shows a responder the settings read-only, with values still to try', async () => {
    const page = await harness.signIn('responder');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/runbooks/${runbookId}/settings`);
    await page.getByTestId('execution-settings-read-only').waitFor();
    expect(await page.getByTestId('execution-settings-save').count()).toBe(0);
    const taskId = rule(page, 'task_id');
    expect(await taskId.getByTestId('rule-pattern').inputValue()).toBe('[0-9a-f-]{36}');
    expect(await taskId.getByTestId('rule-pattern').getAttribute('readonly')).toBe('');
    expect(await page.getByTestId('self-approval').isDisabled()).toBe(true);
    await taskId.getByTestId('rule-try').fill('not-a-uuid');
    expect(await taskId.getByTestId('rule-outcome').getAttribute('data-outcome')).toBe('no-match');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
