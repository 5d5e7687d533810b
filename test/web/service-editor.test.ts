import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, setUpCall, useConsole } from '../support/browser.js';

describe.skipIf(!hasChromium)('the service editor in Chromium', () => {
  const harness = useConsole(async ({ t }) => {
    await setUpCall(t, 'POST', '/api/v1/teams', { id: 'payments', name: 'Payments team' });
    await setUpCall(t, 'PUT', '/api/v1/escalation-policies/payments-default', {
      name: 'Payments default',
      levels: [
        { delayMinutes: 0, targets: [{ type: 'team', id: 'payments' }] },
        { delayMinutes: 15, targets: [{ type: 'user', id: t.users.admin.id }] },
      ],
    });
  });

  it('creates a service from the keyboard on a phone, with its team, objectives and policy previewed, then edits it, in English and French', async () => {
    const { t, base, signIn } = harness();
    const page = await signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/services`);
    await page.getByTestId('service-new').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/services/new`);
    const field = (name: string) => page.getByTestId(`service-field-${name}`);

    // A bad id comes back under its field, which gets the focus.
    await field('id').waitFor();
    await field('id').focus();
    await page.keyboard.type('Not A Slug');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Checkout');
    await page.keyboard.press('Enter');
    await page.getByTestId('field-error-id').waitFor();
    expect(await field('id').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('service-field-id');

    await field('id').fill('');
    await page.keyboard.type('checkout');
    await field('description').focus();
    await page.keyboard.type('Takes the money');
    await field('public').focus();
    await page.keyboard.press('Space');
    await field('rtoMinutes').focus();
    await page.keyboard.type('60');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await field('ownerTeamId').selectOption({ label: 'Payments team' });
    await field('policyId').selectOption({ label: 'Payments default' });
    // The chosen policy shows under its select before anything is saved.
    const levels = page.getByTestId('policy-preview').getByTestId('escalation-level');
    await expect.poll(() => levels.count()).toBe(2);
    expect(await levels.nth(0).textContent()).toContain('Team Payments team');
    expect(await axeViolations(page)).toEqual([]);
    // Phone-first: nothing wider than the screen, so nothing to scroll sideways to.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('service-save').focus();
    await page.keyboard.press('Enter');

    await page.waitForURL(`${base}/services/checkout`);
    await expect.poll(() => page.getByTestId('service-team').textContent()).toBe('Payments team');
    expect(await page.getByTestId('service-rto').textContent()).toBe('1 h');
    expect(await page.getByTestId('escalation-policy').getAttribute('data-policy-id')).toBe('payments-default');
    const created = (await t.call('GET', '/api/v1/services/checkout/summary')).json<Record<string, unknown>>();
    expect(created).toMatchObject({
      name: 'Checkout',
      description: 'Takes the money',
      public: true,
      rtoMinutes: 60,
      rpoMinutes: 5,
      ownerTeamId: 'payments',
      escalationPolicyId: 'payments-default',
    });

    // Editing: the Edit action, the fields as saved; clearing RPO and the policy.
    await page.getByTestId('service-edit').click();
    await page.waitForURL(`${base}/services/checkout/edit`);
    await expect.poll(() => field('rpoMinutes').inputValue()).toBe('5');
    expect(await page.getByTestId('service-field-id').count()).toBe(0);
    await field('name').fill('Checkout API');
    await field('rpoMinutes').fill('');
    await field('policyId').selectOption({ label: 'None: incidents page nobody' });
    expect(await page.getByTestId('policy-preview').textContent()).toBe(
      'Without a policy, nobody is paged when an incident opens on this service.',
    );
    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Modifier Checkout');
    expect(await page.getByTestId('service-save').textContent()).toBe('Enregistrer');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.getByTestId('service-save').click();
    await page.waitForURL(`${base}/services/checkout`);
    const edited = (await t.call('GET', '/api/v1/services/checkout/summary')).json<Record<string, unknown>>();
    expect(edited).toMatchObject({ name: 'Checkout API', rpoMinutes: null, rtoMinutes: 60, escalationPolicyId: null });
    const { rows } = await t.db.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_log WHERE target_type = 'service' AND target_id = 'checkout' ORDER BY id`,
    );
    // Only what changed is sent, so the audit row names just that.
    expect(rows.map((row) => [row.action, row.details])).toEqual([
      ['service.create', { name: 'Checkout' }],
      ['service.escalation_policy', { policyId: 'payments-default' }],
      ['service.update', { fields: ['name', 'rpoMinutes'] }],
      ['service.escalation_policy', { policyId: null }],
    ]);
    await page.close();
  }, 120_000);

  it('offers neither action to a responder, and tells one who opens the editor that it is for admins', async () => {
    const { base, signIn } = harness();
    const page = await signIn('responder');
    await page.goto(`${base}/services`);
    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    expect(await page.getByTestId('service-new').count()).toBe(0);
    await page.goto(`${base}/services/new`);
    await page.getByTestId('service-edit-forbidden').waitFor();
    expect(await page.getByTestId('service-form').count()).toBe(0);
    await page.close();
  }, 60_000);
});
