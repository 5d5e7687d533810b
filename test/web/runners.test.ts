import { hostname } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runner } from '../../src/runner/runner.js';
import { startRunner } from '../../src/runner/start-runner.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { injectTransport, testSandbox } from '../support/test-runner.js';

const fence = '```';
/** One step any runner takes, and one that waits for a runner labelled env=nowhere, which never comes. */
const routedRunbook = [
  '# RUNBOOK: Routed diagnosis',
  '## Symptoms',
  '- a step must run where the service is',
  '## Diagnosis',
  `${fence}bash`,
  'echo "ran somewhere"',
  fence,
  `${fence}bash {"runner":"env=nowhere"}`,
  'echo "never runs"',
  fence,
].join('\n');

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.skipIf(!hasChromium)('runners in the web console, in Chromium', () => {
  let harness: ConsoleHarness;
  let base: string;

  beforeAll(async () => {
    harness = await startConsole();
    ({ base } = harness);
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  const card = (page: Page, name: string) => page.locator(`[data-testid="runner-card"][data-name="${name}"]`);

  /** A runner token made in the page as an admin would: its secret and the command shown with it. */
  async function addRunner(page: Page, name: string, labels: string): Promise<{ secret: string; command: string }> {
    await page.getByTestId('runner-token-name').fill(name);
    await page.getByTestId('runner-token-labels').fill(labels);
    await page.getByTestId('runner-token-submit').click();
    await page.getByTestId('runner-token-secret').waitFor();
    return {
      secret: await page.getByTestId('runner-token-secret-value').inputValue(),
      command: await page.getByTestId('runner-command').inputValue(),
    };
  }

  /** A runner working with `secret`, over the real runner protocol; sandbox none, since it runs no step here. */
  const startWith = (secret: string, name: string, labels: Record<string, string>): Promise<Runner> =>
    startRunner({
      transport: injectTransport(harness.t.app, secret),
      sandbox: 'none',
      name,
      labels,
      capacity: 1,
      claimWaitMs: 500,
      log: silentLog,
    });

  it('lists the test runner as connected, with its sandbox, host, capacity and when it was last seen', async () => {
    const page = await harness.signIn('admin');
    await page.getByRole('link', { name: /^(Admin|Administration)$/ }).click();
    await page.getByTestId('admin-nav-runners').click();
    const runner = card(page, 'test runner');
    await runner.waitFor();
    expect(await runner.getByTestId('runner-state').textContent()).toMatch(/^(Connected|Connecté)$/);
    expect(await runner.getByTestId('runner-sandbox').getAttribute('data-sandbox')).toBe(testSandbox);
    expect(await runner.getByTestId('runner-host').textContent()).toBe(hostname());
    expect(await runner.getByTestId('runner-capacity').textContent()).toMatch(/^4 /);
    expect(await runner.getByTestId('runner-last-seen').textContent()).toMatch(/ ago$|^il y a /);
    // Connected and sandboxed: nothing to warn anyone about.
    if (testSandbox === 'bwrap') expect(await page.getByTestId('runner-banner').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('shows a new runner token once, with the command that starts a runner, which then connects with its labels', async () => {
    const page = await harness.signIn('admin');
    await page.goto(`${base}/admin/runners`);
    // A label the runner would refuse is said before any token is made.
    await page.getByTestId('runner-token-name').fill('edge-eu');
    await page.getByTestId('runner-token-labels').fill('env=prod site');
    await page.getByTestId('runner-token-submit').click();
    await page.getByTestId('field-error-labels').waitFor();
    const { secret, command } = await addRunner(page, 'edge-eu', 'env=prod, site=eu');
    expect(secret).toMatch(/^ast_/);
    expect(command).toBe(
      `ASTREINTE_RUNNER_TOKEN=${secret} astreinte runner --url ${base} --name edge-eu --label env=prod --label site=eu`,
    );
    const tokens = (await harness.t.call('GET', '/api/v1/tokens')).json<
      { name: string; role: string; userId: string | null }[]
    >();
    expect(tokens.find((token) => token.name === 'edge-eu')).toMatchObject({ role: 'runner', userId: null });

    const runner = await startWith(secret, 'edge-eu', { env: 'prod', site: 'eu' });
    try {
      await page.reload();
      const edge = card(page, 'edge-eu');
      await edge.waitFor();
      expect(await page.getByTestId('runner-token-secret').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain(secret);
      expect(await edge.getByTestId('runner-labels').locator('li').allTextContents()).toEqual(['env=prod', 'site=eu']);
      expect(await edge.getByTestId('runner-sandbox').textContent()).toMatch(/NONE|AUCUN/);
      // Unconfined steps are everyone's concern, not only the admin's.
      expect(await page.getByTestId('runner-banner-unsandboxed').textContent()).toContain('edge-eu');
      const viewer = await harness.signIn('viewer');
      expect(await viewer.getByTestId('runner-banner-unsandboxed').textContent()).toMatch(
        /without a sandbox on runner edge-eu|sans bac à sable sur l’exécuteur edge-eu/,
      );
      await viewer.close();
    } finally {
      await runner.stop({ cancel: true });
    }
    await page.reload();
    await expect
      .poll(() => card(page, 'edge-eu').getByTestId('runner-state').textContent())
      .toMatch(/Disconnected|Déconnecté/);
    expect(await page.getByTestId('runner-banner-unsandboxed').count()).toBe(0);
    await page.goto(`${base}/admin/tokens`);
    const row = page.locator('[data-testid="token-row"][data-name="edge-eu"]');
    expect(await row.textContent()).toMatch(/None \(runner token\)Runner|Aucun \(jeton d'exécuteur\)Exécuteur/);
    await page.close();
  }, 90_000);

  it('says on the incident page which runner ran a step, and what runner a queued step waits for', async () => {
    const { t } = harness;
    const imported = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'routed.md', content: routedRunbook },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const runbookId = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
    const incident = (
      await t.call('POST', '/api/v1/incidents', { body: { title: 'Routed steps', severity: 'P3' } })
    ).json<{ id: string }>();
    const run = (await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: incident.id } })).json<{
      id: string;
    }>();
    for (const step of ['s1', 's2'])
      expect((await t.call('POST', `/api/v1/runs/${run.id}/steps/${step}/execute`, { body: {} })).statusCode).toBe(202);

    const page = await harness.signIn('responder');
    await page.goto(`${base}/incidents/${incident.id}`);
    const [ran, waiting] = [page.locator('[data-step-id="s1"]'), page.locator('[data-step-id="s2"]')];
    await expect
      .poll(() => ran.getByTestId('execution').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('succeeded');
    await expect
      .poll(() => ran.getByTestId('execution-runner').textContent())
      .toMatch(/on runner test runner|sur l’exécuteur test runner/);
    await expect
      .poll(() => page.getByTestId('timeline').textContent(), { timeout: 10_000 })
      .toMatch(/on runner test runner|sur l’exécuteur test runner/);
    expect(await waiting.getByTestId('execution').getAttribute('data-status')).toBe('queued');
    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await waiting.getByTestId('execution-waiting').textContent()).toBe(
      'En attente d’un exécuteur avec env=nowhere : aucun exécuteur connecté ne les a.',
    );
    await page.getByTestId('language-switcher').selectOption('en');
    expect(await waiting.getByTestId('execution-waiting').textContent()).toMatch(
      /^Waiting for a runner with env=nowhere/,
    );
    await page.close();
  }, 90_000);

  it('shows a viewer no runners page nor admin link, though the list of runners is theirs to read', async () => {
    const page = await harness.signIn('viewer');
    expect(await page.locator('header nav a[href^="/admin"]').count()).toBe(0);
    await page.goto(`${base}/admin/runners`);
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await page.getByTestId('runners-list').count()).toBe(0);
    const statuses = await page.evaluate(async () => {
      const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
      const listed = await fetch('/api/v1/runners');
      const made = await fetch('/api/v1/tokens', {
        method: 'POST',
        headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'runner', name: 'sneaky' }),
      });
      return [listed.status, made.status];
    });
    expect(statuses).toEqual([200, 403]);
    await page.close();
  }, 60_000);

  it('has no axe-core violation on the runners page at 390 px, with a token shown and an unsandboxed runner warned of', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin/runners`);
    const { secret } = await addRunner(page, 'phone-check', 'env=staging');
    const runner = await startWith(secret, 'phone-check', { env: 'staging' });
    try {
      await page.getByTestId('runner-token-secret-done').click();
      await page.reload();
      await card(page, 'phone-check').waitFor();
      await page.getByTestId('runner-banner-unsandboxed').waitFor();
      await addRunner(page, 'phone-check-2', '');
      expect(await axeViolations(page)).toEqual([]);
      // Phone-first: nothing wider than the screen, so nothing to scroll sideways to.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await runner.stop({ cancel: true });
    }
    await page.close();
  }, 90_000);

  // Last: it cuts off the test runner, which the tests above need.
  it("warns everyone that steps cannot run once an admin revokes the last connected runner's token", async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin/runners`);
    const runner = card(page, 'test runner');
    await runner.getByTestId('runner-revoke').click();
    await runner.getByTestId('runner-revoke-confirm').click();
    await expect.poll(() => runner.getByTestId('runner-state').textContent()).toMatch(/Disconnected|Déconnecté/);
    // The admin's own banner says so at once, and leads to the runners.
    expect(await page.getByTestId('runner-banner-none-connected').textContent()).toMatch(
      /No runner is connected: steps cannot run|Aucun exécuteur n’est connecté/,
    );
    await page.getByTestId('runner-banner-link').waitFor();

    const viewer = await harness.signIn('viewer');
    await viewer.setViewportSize({ width: 390, height: 844 });
    await viewer.getByTestId('runner-banner-none-connected').waitFor();
    expect(await viewer.getByTestId('runner-banner-none-connected').textContent()).toMatch(
      /An administrator can start one|Un administrateur peut en démarrer un/,
    );
    expect(await viewer.getByTestId('runner-banner-link').count()).toBe(0);
    expect(await axeViolations(viewer)).toEqual([]);
    await viewer.close();
    await page.close();
  }, 60_000);
});
