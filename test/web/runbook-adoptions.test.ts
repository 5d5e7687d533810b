import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { seedBytes, seedsAvailable } from '../support/seeds.js';
import type { TestApp } from '../support/test-app.js';

describe.skipIf(!hasChromium || !seedsAvailable)('the "From your runbooks" page in Chromium', () => {
  let harness: ConsoleHarness;
  // The API of the node the browser drives: drafts to show, templates to look for.
  const t = (): TestApp => harness.t;

  beforeAll(async () => {
    harness = await startConsole();
    const response = await t().call('POST', '/api/v1/runbook-sources', {
      token: t().users.responder.token,
      body: { filename: '003.md', contentBase64: seedBytes('003').toString('base64') },
    });
    if (response.statusCode !== 201) throw new Error(`import failed: ${response.statusCode} ${response.body}`);
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it("lists seed 003's drafts with what adopting creates, adopts the checklist from the keyboard on a phone, in English and French", async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-from-runbooks').click();
    const checklist = page.locator('[data-testid="adoption-card"][data-kind="checklist"]');
    await checklist.waitFor();
    expect(await checklist.getByRole('heading', { level: 2 }).textContent()).toBe('checklist Checklist de Résolution');
    expect(await checklist.getByTestId('adoption-entry').textContent()).toBe(
      'Creates Checklist de Résolution — checklist template of 6 items',
    );
    const severities = page.locator('[data-testid="adoption-card"][data-kind="severity-classes"]');
    expect(await severities.getByTestId('adoption-entry').count()).toBe(3);
    const contacts = page.locator('[data-testid="adoption-card"][data-kind="contacts"]').filter({ hasText: 'Urgence' });
    expect(await contacts.locator('.adoption-warning').first().textContent()).toBe(
      'To fill in: +33 X XX XX XX XX has digits still to write: not copied',
    );
    const template = page.locator('[data-testid="adoption-card"][data-kind="communication-template"]');
    expect(await template.getByTestId('adoption-needs-more').textContent()).toContain(
      '/api/v1/notification-templates/adopt',
    );
    expect(await axeViolations(page)).toEqual([]);
    // Phone-first: nothing wider than the screen, so nothing to scroll sideways to.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await checklist.getByRole('button', { name: 'Adopt “Checklist de Résolution”' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('adopt-done').textContent())
      .toBe('Adopted “Checklist de Résolution”: 1 created or changed.');
    await checklist.getByTestId('adoption-nothing-new').waitFor();
    expect(await checklist.getByTestId('adoption-status').textContent()).toBe('Adopted');
    expect((await t().call('GET', '/api/v1/checklist-templates/checklist-de-resolution')).statusCode).toBe(200);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Depuis vos runbooks');
    expect(await checklist.getByTestId('adoption-status').textContent()).toBe('Adopté');
    expect(await checklist.getByTestId('adoption-nothing-new').textContent()).toBe(
      'Tout est déjà là : adopter à nouveau ne créerait rien.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 90_000);

  it('tells a responder the page is for admins', async () => {
    const page = await harness.signIn('responder');
    await page.goto(`${harness.base}/admin/from-runbooks`);
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await page.getByTestId('adoption-card').count()).toBe(0);
    await page.close();
  }, 60_000);
});
