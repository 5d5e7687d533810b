import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, setUpCall, useConsole } from '../support/browser.js';

describe.skipIf(!hasChromium)('the teams page in Chromium', () => {
  // A team that owns a service: deleting it must be refused, and say why.
  const harness = useConsole(async ({ t }) => {
    await setUpCall(t, 'POST', '/api/v1/teams', { id: 'payments', name: 'Payments team' });
    await setUpCall(t, 'POST', '/api/v1/services', { id: 'checkout', name: 'Checkout', ownerTeamId: 'payments' });
  });

  it('creates a team, adds and removes members, renames and deletes it from the keyboard on a phone, in English and French', async () => {
    const { t, base, signIn } = harness();
    const page = await signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin`);
    await page.getByTestId('admin-nav-teams').click();
    const payments = page.locator('[data-testid="team-card"][data-team-id="payments"]');
    await payments.waitFor();
    expect(await payments.getByTestId('team-owns').textContent()).toBe('Owns Checkout');

    await page.getByTestId('team-id').focus();
    await page.keyboard.type('dispatch');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dispatch');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('team-created').textContent())
      .toBe('Team “Dispatch” created: add its members below.');
    const dispatch = page.locator('[data-testid="team-card"][data-team-id="dispatch"]');
    await dispatch.waitFor();
    expect(await dispatch.getByTestId('team-no-members').isVisible()).toBe(true);

    // Two members, chosen in the select and added with the button.
    for (const name of ['Test responder', 'Test viewer']) {
      const choice = dispatch.getByTestId('team-member-choice');
      await choice.selectOption({ label: `${name} (${name === 'Test viewer' ? 'viewer' : 'responder'})` });
      await dispatch.getByTestId('team-member-add').focus();
      await page.keyboard.press('Enter');
      await dispatch.getByTestId('team-member').filter({ hasText: name }).waitFor();
    }
    expect(await dispatch.getByRole('heading', { level: 3 }).textContent()).toBe('Members (2)');
    expect(await axeViolations(page)).toEqual([]);
    // Phone-first: nothing wider than the screen, so nothing to scroll sideways to.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await dispatch.getByRole('button', { name: 'Remove Test viewer from Dispatch' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dispatch.getByTestId('team-member').count()).toBe(1);
    const team = (await t.call('GET', '/api/v1/teams/dispatch')).json<{ members: { userId: string }[] }>();
    expect(team.members.map((member) => member.userId)).toEqual([t.users.responder.id]);

    // Renaming: the name field takes the focus; Enter saves.
    await dispatch.getByTestId('team-rename').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(' desk');
    await page.keyboard.press('Enter');
    await expect.poll(() => dispatch.getByRole('heading', { level: 2 }).textContent()).toBe('Dispatch desk dispatch');

    // A team a service names is kept, and the refusal says what names it.
    await payments.getByTestId('team-delete').click();
    await payments.getByTestId('team-delete-confirm').click();
    await expect
      .poll(() => payments.getByRole('alert').textContent())
      .toBe('Cannot be deleted while a service, schedule or escalation policy names it. (checkout)');
    await payments.getByTestId('team-delete-cancel').click();

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Équipes');
    expect(await payments.getByTestId('team-owns').textContent()).toBe('Responsable de Checkout');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await dispatch.getByTestId('team-delete').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => dispatch.count()).toBe(0);
    expect((await t.call('GET', '/api/v1/teams/dispatch')).statusCode).toBe(404);
    const { rows } = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'team' AND target_id = 'dispatch' ORDER BY id`,
    );
    expect(rows.map((row) => row.action)).toEqual([
      'team.create',
      'team.add_member',
      'team.add_member',
      'team.remove_member',
      'team.update',
      'team.delete',
    ]);
    await page.close();
  }, 120_000);

  it('tells a responder the page is for admins', async () => {
    const { base, signIn } = harness();
    const page = await signIn('responder');
    await page.goto(`${base}/admin/teams`);
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await page.getByTestId('team-card').count()).toBe(0);
    await page.close();
  }, 60_000);
});
