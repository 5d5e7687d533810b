import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { weeklySchedule } from '../support/weekly-schedule.js';

describe.skipIf(!hasChromium)('the escalation policy pages in Chromium', () => {
  let harness: ConsoleHarness;
  const t = (): TestApp => harness.t;
  let adminName = '';

  beforeAll(async () => {
    harness = await startConsole();
    const { responder, admin } = t().users;
    const calls = [
      t().call('PUT', '/api/v1/schedules/web-primary', { body: weeklySchedule('Web primary', [responder.id]) }),
      t().call('POST', '/api/v1/teams', { body: { id: 'web-sre', name: 'Web SRE' } }),
      t().call('POST', '/api/v1/services', { body: { id: 'checkout', name: 'Checkout' } }),
    ];
    for (const response of await Promise.all(calls))
      if (response.statusCode >= 300) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
    await t().call('PUT', `/api/v1/teams/web-sre/members/${admin.id}`);
    adminName = (await t().call('GET', `/api/v1/users/${admin.id}`)).json().name;
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('creates a two-level policy from the keyboard on a phone, previews who is paged now, gives it to a service, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-escalation-policies').click();
    await page.getByTestId('policy-new').click();
    await page.getByTestId('policy-id').focus();
    await page.keyboard.type('web-dispatch');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Web dispatch');
    expect(await page.getByTestId('policy-preview').textContent()).toContain(
      'Give every level someone to page to see the preview.',
    );

    const first = page.locator('[data-testid="level-fields"][data-level="1"]');
    await first.getByTestId('target-type').selectOption('schedule');
    await first.getByTestId('target-id').selectOption({ label: 'Web primary' });
    await first.getByTestId('target-add').focus();
    await page.keyboard.press('Enter');
    expect(await first.getByTestId('level-target').textContent()).toContain('Web primary');

    await page.getByTestId('level-add').focus();
    await page.keyboard.press('Enter');
    const second = page.locator('[data-testid="level-fields"][data-level="2"]');
    await second.getByTestId('level-delay').fill('10');
    await second.getByTestId('target-type').selectOption('team');
    await second.getByTestId('target-add').press('Enter');

    const level = (n: number) => page.locator(`[data-testid="preview-level"][data-level="${n}"]`);
    await expect.poll(() => level(2).textContent(), { timeout: 10_000 }).toContain(adminName);
    expect(await level(1).getByTestId('preview-person').textContent()).toBe('Test responder via Schedule Web primary');
    expect(await level(1).textContent()).toContain('At once');
    expect(await level(2).textContent()).toContain('After 10 min');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('policy-save').press('Enter');
    await page.waitForURL(`${harness.base}/admin/escalation-policies/web-dispatch`);
    const stored = (await t().call('GET', '/api/v1/escalation-policies/web-dispatch')).json();
    expect(stored.levels).toEqual([
      { delayMinutes: 0, targets: [{ type: 'schedule', id: 'web-primary' }] },
      { delayMinutes: 10, targets: [{ type: 'team', id: 'web-sre' }] },
    ]);

    await page.getByTestId('policy-service-pick').selectOption('checkout');
    await page.getByTestId('policy-service-assign').press('Enter');
    await page.getByTestId('policy-service-done').waitFor();
    expect(await page.getByTestId('policy-service').textContent()).toContain('Checkout');
    const services = (await t().call('GET', '/api/v1/service-summaries')).json<
      Array<{ id: string; escalationPolicyId: string | null }>
    >();
    expect(services.find((service) => service.id === 'checkout')?.escalationPolicyId).toBe('web-dispatch');

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Politiques d'escalade");
    expect(await level(1).textContent()).toContain('Tout de suite');
    expect(await page.locator('#policy-preview-title').textContent()).toBe('Qui serait appelé maintenant');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await page.goto(`${harness.base}/admin/escalation-policies`);
    const row = page.locator('[data-testid="policy-row"][data-policy-id="web-dispatch"]');
    expect(await row.textContent()).toContain('Checkout');
    await page.close();
  }, 120_000);

  it('marks in the preview a level whose schedule has nobody on call', async () => {
    const empty = await t().call('PUT', '/api/v1/schedules/web-empty', {
      body: { name: 'Web empty', definition: { timeZone: 'UTC', layers: [], overrides: [] } },
    });
    expect(empty.statusCode, empty.body).toBe(201);
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/escalation-policies/new`);
    const first = page.locator('[data-testid="level-fields"][data-level="1"]');
    await first.getByTestId('target-id').selectOption({ label: 'Web empty' });
    await first.getByTestId('target-add').click();
    await page.getByTestId('preview-nobody').waitFor();
    expect(await page.getByTestId('preview-empty').textContent()).toBe('Schedule Web empty pages nobody now');
    await page.close();
  }, 60_000);
});
