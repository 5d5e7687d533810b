import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';

describe.skipIf(!hasChromium)('the severity, inhibition and template pages in Chromium', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('edits a severity target inline on a phone, shows the refusal of a zero under its field, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-severity-policies').click();
    const p2 = page.getByTestId('severity-form-P2');
    await p2.waitFor();
    await p2.getByTestId('severity-target').fill('0');
    await p2.getByTestId('severity-save').press('Enter');
    await p2.getByTestId('field-error-resolutionTargetMinutes').waitFor();
    await p2.getByTestId('severity-target').fill('300');
    await p2.getByTestId('severity-save').press('Enter');
    await expect.poll(() => p2.locator('[role="status"]').textContent()).toBe('Saved P2.');
    expect(await page.getByTestId('severity-bars').textContent()).toContain('resolve within 5 h');
    const stored = (await harness.t.call('GET', '/api/v1/severity-policies')).json();
    expect(stored.find((policy: { severity: string }) => policy.severity === 'P2').resolutionTargetMinutes).toBe(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Politiques de gravité');
    expect(await page.getByTestId('severity-bars').textContent()).toContain('résoudre en 5 h');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);

  it('adds an inhibition rule from matcher text after fixing a bad regex the server named, previewing what it would mute, then deletes it', async () => {
    const { key } = await createIntegration(harness.t, { name: 'prom-inhibit-preview', kind: 'prometheus' });
    const fire = (alertname: string, instance: string) =>
      promAlert({ alertname, instance }, { annotations: { summary: `${alertname} on ${instance}` } });
    const pushed = await pushAlerts(harness.t, key, [
      fire('NodeDown', 'db-1'),
      fire('ServiceDown', 'db-1'),
      fire('ServiceDown', 'db-2'),
    ]);
    expect(pushed.statusCode).toBe(200);
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/inhibit-rules`);
    await page.getByTestId('inhibit-name').focus();
    await page.keyboard.type('node down mutes services');
    await page.keyboard.press('Tab');
    await page.keyboard.type('alertname="NodeDown"');
    await page.getByTestId('inhibit-targetMatchers').fill('alertname=~"Service(.*"');
    await page.getByTestId('inhibit-equal').fill('instance');
    const preview = page.getByTestId('inhibit-preview');
    await expect.poll(() => preview.textContent()).toContain('The preview waits for valid matchers');
    await page.getByTestId('inhibit-submit').press('Enter');
    await page.getByTestId('field-error-targetMatchers').waitFor();
    expect(await page.getByTestId('inhibit-targetMatchers').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // Fixed, the draft is evaluated against the firing alerts: only db-1's ServiceDown shares a NodeDown's instance.
    await page.getByTestId('inhibit-targetMatchers').fill('alertname=~"Service.*"');
    const count = page.getByTestId('inhibit-preview-count');
    await expect.poll(() => count.getAttribute('data-muted')).toBe('1');
    expect(await count.textContent()).toContain('Would mute 1 firing alert now 1 firing alert matches the source');
    expect(await page.getByTestId('inhibit-preview-alert').allTextContents()).toEqual([
      expect.stringMatching(/ServiceDown on db-1.*muted by “NodeDown on db-1”/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await count.textContent()).toContain('Rendrait muette 1 alerte active maintenant');
    await page.getByTestId('language-switcher').selectOption('en');

    await page.getByTestId('inhibit-submit').press('Enter');
    const rule = page.getByTestId('inhibit-rule');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('alertname=~"Service.*"');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Règles d'inhibition");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await rule.getByTestId('inhibit-delete').press('Enter');
    await rule.getByTestId('inhibit-delete-confirm').press('Enter');
    await rule.waitFor({ state: 'detached' });
    expect((await harness.t.call('GET', '/api/v1/inhibit-rules')).json()).toEqual([]);
    await page.close();
  }, 120_000);

  it('previews an SMS with its length, names a misspelt variable under its part, and saves the fixed template', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/notification-templates`);
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toContain('INC-42');
    expect(await page.getByTestId('preview-html').count()).toBe(1);

    await page.getByTestId('template-channel').selectOption('sms');
    const short = page.getByTestId('template-part-short');
    await short.fill('{{incidnetId}} down');
    await page.getByTestId('preview-error-short').waitFor();
    expect(await short.getAttribute('aria-invalid')).toBe('true');
    await short.fill('{{severity}} {{incidentId}}: {{title}}');
    await expect.poll(() => page.getByTestId('preview-text').textContent()).toContain('P1 INC-42: Checkout API');
    expect(await page.getByTestId('sms-count').textContent()).toMatch(/^\d+ \/ 160 characters$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('template-save').press('Enter');
    await expect.poll(() => page.getByText('Template saved.').count()).toBe(1);
    const saved = (await harness.t.call('GET', '/api/v1/notification-templates/triggered/en/sms')).json();
    expect(saved.override).toEqual({ short: '{{severity}} {{incidentId}}: {{title}}' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Modèles de notification');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);
});
