import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration } from '../support/alert-support.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe.skipIf(!hasChromium)("an integration's page in Chromium", () => {
  let harness: ConsoleHarness;
  const t = (): TestApp => harness.t;
  let integrationId = '';

  beforeAll(async () => {
    harness = await startConsole();
    await t().call('POST', '/api/v1/services', { body: { id: 'payments', name: 'Payments' } });
    integrationId = (await createIntegration(t(), { name: 'prom-page', kind: 'prometheus' })).id;
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('edits the settings with a live explanation, shows the sender configuration, sends a test alert and resolves it, on a phone, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/integrations`);
    await page.getByRole('link', { name: 'Settings of prom-page' }).click();
    await page.getByTestId('integration-name').waitFor();

    // The sender configuration carries the real origin and a placeholder for the key.
    const prometheus = page.locator('[data-testid="sender-snippet"][data-snippet="prometheus"]');
    expect(await prometheus.locator('code').textContent()).toContain(`targets: ['${new URL(harness.base).host}']`);
    expect(await prometheus.locator('code').textContent()).toContain('credentials: YOUR_KEY');
    expect(await page.locator('[data-snippet="curl"] code').textContent()).toContain(`${harness.base}/api/v2/alerts`);

    // The sample labels are explained by the server with the saved settings.
    const result = page.getByTestId('integration-explain-result');
    await expect.poll(() => result.textContent()).toContain('group [HighErrorRate]');
    expect(await result.textContent()).toContain('P1 (from “critical”)');
    expect(await result.textContent()).toContain('service Payments');

    // Typed settings change the explanation before they are saved: a word of our own, grouped by cluster.
    await page.getByTestId('integration-group-by').fill('cluster');
    await page.getByTestId('integration-severity-map-add').focus();
    await page.keyboard.press('Enter');
    const row = page.getByTestId('integration-severity-map-row').first();
    await row.getByRole('textbox', { name: 'Word' }).fill('critical');
    await row.getByRole('combobox', { name: 'Priority' }).selectOption('P2');
    await expect.poll(() => result.textContent()).toContain('an incident of its own');
    expect(await result.textContent()).toContain('P2 (from “critical”)');
    await page.getByTestId('integration-settings-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('integration-settings-saved').textContent()).toContain('Settings saved');
    const saved = (await t().call('GET', '/api/v1/integrations')).json<{ id: string; settings: unknown }[]>();
    expect(saved.find((integration) => integration.id === integrationId)?.settings).toMatchObject({
      groupBy: ['cluster'],
      severityMap: { critical: 'P2' },
    });

    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('integration-test-send').focus();
    await page.keyboard.press('Enter');
    const outcome = page.getByTestId('integration-test-result');
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('opened');
    expect(await page.getByTestId('integration-test-incident').textContent()).toContain('Test alert from Astreinte');

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { name: 'Envoyer une alerte de test' }).count()).toBe(1);
    expect(await outcome.textContent()).toContain('Elle a ouvert un incident');
    expect(await page.getByTestId('integration-test-resolve').textContent()).toBe("Résoudre l'alerte de test");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    // The test does not leave an alert firing: its resolution goes through the integration, and the
    // incident (auto-resolve is on by default) resolves with it.
    await page.getByTestId('integration-test-resolve').focus();
    await page.keyboard.press('Enter');
    const resolved = page.getByTestId('integration-resolve-result');
    await expect.poll(() => resolved.getAttribute('data-incident-status')).toBe('resolved');
    expect(await resolved.textContent()).toContain('The test alert is resolved, and its incident with it');
    const { rows } = await t().db.query<{ status: string }>(`SELECT status FROM alerts WHERE integration_id = $1`, [
      integrationId,
    ]);
    expect(rows).toEqual([{ status: 'resolved' }]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('integration-resolve-incident').click();
    await page.waitForURL(/\/incidents\//);
    await page.close();
  }, 120_000);
});
