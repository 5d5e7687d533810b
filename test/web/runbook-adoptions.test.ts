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
    for (const seed of ['003', '002']) {
      const response = await t().call('POST', '/api/v1/runbook-sources', {
        token: t().users.responder.token,
        body: { filename: `${seed}.md`, contentBase64: seedBytes(seed).toString('base64') },
      });
      if (response.statusCode !== 201) throw new Error(`import failed: ${response.statusCode} ${response.body}`);
    }
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
    // Every kind is adopted from the page: none sends the admin to the API any more.
    expect(await page.getByTestId('adoption-needs-more').count()).toBe(0);
    const template = page.locator('[data-testid="adoption-card"][data-kind="communication-template"]');
    expect(
      await template
        .getByRole('button', { name: 'Choose the message and its variables — “Template de Communication”' })
        .count(),
    ).toBe(1);
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

  it("asks who each level of seed 002's escalation matrix pages, says which written name is nobody, then creates the policy from the keyboard", async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/from-runbooks`);
    await page.getByRole('button', { name: 'Choose who each level pages — “Contacts & Escalade”' }).press('Enter');
    const levels = page.getByRole('combobox', { name: /^Level \d+:/ });
    await levels.first().waitFor();
    for (const name of [
      'Level 1: “Équipe opérations”, at once',
      'Level 2: “Lead développeur”, after 15 min',
      'Level 3: “CTO / Architecte”, after 45 min',
    ])
      expect(await page.getByRole('combobox', { name: new RegExp(`^${name}`) }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Policy identifier/ }).inputValue()).toBe('contacts-escalade');
    // Nobody here is called "Équipe opérations": the server says so under that level, which gets the focus.
    await page.getByRole('button', { name: 'Create the policy from “Contacts & Escalade”' }).press('Enter');
    await page.getByTestId('field-error-targets-0').waitFor();
    expect(await page.getByTestId('field-error-targets-0').textContent()).toContain('who is "Équipe opérations"?');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('fr');
    await page.getByRole('combobox', { name: /^Niveau 2 : « Lead développeur », après 15 min/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Créer la politique depuis « Contacts & Escalade »' }).count()).toBe(
      1,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await levels.nth(0).selectOption({ label: 'Test responder' });
    await levels.nth(1).selectOption({ label: 'Test viewer' });
    await levels.nth(2).selectOption({ label: 'Administrator' });
    await page.getByRole('button', { name: 'Create the policy from “Contacts & Escalade”' }).press('Enter');
    await expect
      .poll(() => page.getByTestId('adopt-done').textContent())
      .toBe('Adopted “Contacts & Escalade”: 1 created or changed.');
    const policy = (await t().call('GET', '/api/v1/escalation-policies/contacts-escalade')).json<{
      levels: { delayMinutes: number; targets: { type: string; id: string }[] }[];
    }>();
    expect(policy.levels).toEqual([
      { delayMinutes: 0, targets: [{ type: 'user', id: t().users.responder.id }] },
      { delayMinutes: 15, targets: [{ type: 'user', id: t().users.viewer.id }] },
      { delayMinutes: 30, targets: [{ type: 'user', id: t().users.admin.id }] },
    ]);
    // Adopted, the draft offers no second policy.
    await page
      .getByRole('button', { name: 'Choose who each level pages — “Contacts & Escalade”' })
      .waitFor({ state: 'detached' });
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
