import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { importForAdoption } from '../support/draft-adoption.js';
import { seedsAvailable } from '../support/seeds.js';
import type { TestApp } from '../support/test-app.js';

const prometheusUrl = 'http://127.0.0.1:9';

describe.skipIf(!hasChromium || !seedsAvailable)(
  'adopting rules and templates on "From your runbooks" in Chromium',
  () => {
    let harness: ConsoleHarness;
    const t = (): TestApp => harness.t;

    beforeAll(async () => {
      // A server default Prometheus, which the alert-rules form names.
      harness = await startConsole({ config: { prometheusUrl } });
      await t().call('POST', '/api/v1/services', { body: { id: 'database', name: 'Database' } });
      for (const seed of ['003', '001']) await importForAdoption(t(), { seed });
    }, 180_000);
    afterAll(async () => {
      await (harness as ConsoleHarness | undefined)?.close();
    });

    const phonePage = async () => {
      const page = await harness.signIn('admin');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${harness.base}/admin/from-runbooks`);
      return page;
    };

    it("shows which of seed 001's rules become probes and which are left out, then creates them from the keyboard and links them", async () => {
      const page = await phonePage();
      const card = page
        .locator('[data-testid="adoption-card"][data-kind="alert-rules"]')
        .filter({ hasText: 'Base de Données Down › Monitoring' });
      await card
        .getByRole('button', { name: 'Turn the rules into probes — “Base de Données Down › Monitoring”' })
        .press('Enter');
      const entries = card.getByTestId('adoption-entry');
      await expect.poll(() => entries.count()).toBe(3);
      expect(await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')))).toEqual([
        'create',
        'skip',
        'create',
      ]);
      expect(await entries.nth(0).textContent()).toContain('probe of up{job="postgres"} == 0, P1');
      expect(await entries.nth(1).textContent()).toContain('Left out pg_database_size > 50GB');
      expect(await card.getByTestId('adopt-rules-prometheus-hint').textContent()).toBe(
        `Empty: the server’s, ${prometheusUrl}.`,
      );
      await card.getByTestId('adopt-rules-service').selectOption('database');
      await card.getByRole('combobox', { name: 'Severity' }).selectOption('P3');
      await expect.poll(() => entries.nth(0).textContent()).toContain('== 0, P3');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await card
        .getByRole('button', { name: 'Create the probes of “Base de Données Down › Monitoring”' })
        .press('Enter');
      await expect
        .poll(() => page.getByTestId('adopt-done').textContent())
        .toBe('Adopted “Base de Données Down › Monitoring”: 2 created or changed.');
      const links = card.getByTestId('adoption-made').getByRole('link');
      expect(await links.count()).toBe(2);
      const href = (await links.first().getAttribute('href'))!;
      const probe = (await t().call('GET', `/api/v1${href}`)).json<{
        severity: string;
        serviceId: string;
        target: { url?: string };
      }>();
      expect(probe).toMatchObject({ severity: 'P3', serviceId: 'database' });
      await links.first().press('Enter');
      await page.waitForURL(`${harness.base}${href}`);
      await page.close();
    }, 120_000);

    it("maps seed 003's message template's blanks to variables, previews it, asks for the unknown ones, and adopts it; in French too", async () => {
      const page = await phonePage();
      const card = page
        .locator('[data-testid="adoption-card"][data-kind="communication-template"]')
        .filter({ hasText: 'Template de Communication' });
      await card
        .getByRole('button', { name: 'Choose the message and its variables — “Template de Communication”' })
        .press('Enter');
      const title = card.getByRole('combobox', { name: /^Blank “Titre” becomes/ });
      await title.waitFor();
      expect(await title.locator('option:checked').textContent()).toBe('{{title}}');
      expect(await card.getByText('Blank “Titre” becomes (guessed)').count()).toBe(1);
      const unknown = card.getByRole('combobox', { name: 'Blank “Estimation de résolution” becomes' });
      expect(await unknown.locator('option:checked').textContent()).toBe('Choose…');
      await card.getByTestId('adopt-template-channel').selectOption('slack');
      await card
        .getByRole('combobox', { name: 'Blank “Actions en cours” becomes' })
        .selectOption({ label: 'Keep as written' });
      await expect.poll(() => card.getByTestId('preview-text').textContent()).toContain('[Actions en cours]');
      expect(await card.getByTestId('preview-text').textContent()).not.toContain('[Titre]');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      const submit = card.getByRole('button', { name: /^Adopt the template/ });
      await submit.press('Enter');
      await card.getByTestId('field-error-mapping-Estimation de résolution').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

      await page.getByTestId('language-switcher').selectOption('fr');
      await card.getByRole('combobox', { name: /^Le blanc « Titre » devient/ }).waitFor();
      expect(await card.getByRole('button', { name: /^Adopter le modèle/ }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('language-switcher').selectOption('en');

      await unknown.selectOption({ label: 'Keep as written' });
      await submit.press('Enter');
      await expect
        .poll(() => page.getByTestId('adopt-done').textContent())
        .toMatch(/^Adopted “.*”: 1 created or changed\.$/);
      const stored = (await t().call('GET', '/api/v1/notification-templates/triggered/en/slack')).body;
      expect(stored).toContain('{{title}}');
      expect(stored).toContain('[Estimation de résolution]');
      await page.close();
    }, 120_000);

    it("lists the sections seed 003's post-mortem template gives and adopts it with one key press, once", async () => {
      const page = await phonePage();
      const card = page.locator('[data-testid="adoption-card"][data-kind="postmortem-template"]').first();
      await card.getByTestId('adoption-sections').waitFor();
      expect(await card.getByTestId('adoption-sections').getByRole('listitem').allTextContents()).toEqual([
        'Résumé',
        'Timeline',
        'Root Cause',
        'Actions Correctives',
        'Lessons Learned',
      ]);
      expect(await card.getByTestId('adoption-entry').textContent()).toContain('5 sections for new post-mortems');
      expect(await axeViolations(page)).toEqual([]);
      await card.getByTestId('adoption-adopt').press('Enter');
      await expect.poll(() => page.getByTestId('adopt-done').textContent()).toMatch(/: 1 created or changed\.$/);
      await card.getByTestId('adoption-nothing-new').waitFor();
      expect(await card.getByTestId('adoption-entry').getAttribute('data-action')).toBe('keep');
      await page.close();
    }, 90_000);
  },
);
