import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

interface AlertListItem {
  labels: Record<string, string>;
  suppressed: Record<string, unknown> | null;
}

describe.skipIf(!hasChromium)('the admin pages of the web console in Chromium', () => {
  let harness: ConsoleHarness;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    harness = await startConsole();
    ({ t, base } = harness);
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  /** The status of an API call made from the page with its session cookie and CSRF token. */
  const callFromPage = (page: Page, method: string, path: string, body?: unknown): Promise<number> =>
    page.evaluate(
      async ({ method, path, body }) => {
        const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
        const init: RequestInit = {
          method,
          headers: {
            'x-csrf-token': session.csrfToken,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
        };
        if (body !== undefined) init.body = JSON.stringify(body);
        return (await fetch(path, init)).status;
      },
      { method, path, body },
    );

  it('lets an admin add a user and set their password, after which that user signs in', async () => {
    const page = await harness.signIn('admin');
    await page.getByRole('link', { name: /^(Admin|Administration)$/ }).click();
    await page.getByTestId('admin-nav-users').click();
    // A bad e-mail: the server's 400 is shown next to the e-mail field, not as a generic error.
    await page.getByTestId('user-username').fill('jdupont');
    await page.getByTestId('user-name').fill('Jeanne Dupont');
    await page.getByTestId('user-email').fill('not an address');
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId('field-error-email').waitFor();
    expect(await page.getByTestId('user-email').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('user-email').fill('jeanne.dupont@example.test');
    await page.getByTestId('user-create-submit').click();
    const row = page.locator('[data-testid="user-row"][data-username="jdupont"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('jeanne.dupont@example.test');

    await row.getByTestId('user-row-password').click();
    await page.getByTestId('user-password').fill('short');
    await page.getByTestId('user-password-again').fill('short');
    await page.getByTestId('user-password-submit').click();
    await page.getByTestId('field-error-password').waitFor();
    await page.getByTestId('user-password').fill('correct horse battery staple');
    await page.getByTestId('user-password-again').fill('correct horse battery staple');
    await page.getByTestId('user-password-submit').click();
    await row.getByTestId('user-row-password-done').waitFor();

    const theirs = await harness.browser.newPage();
    await theirs.goto(`${base}/`);
    await theirs.getByTestId('sign-in-username').fill('jdupont');
    await theirs.getByTestId('sign-in-password').fill('correct horse battery staple');
    await theirs.getByTestId('sign-in-submit').click();
    await expect
      .poll(() =>
        theirs
          .getByTestId('signed-in-user')
          .textContent()
          .catch(() => ''),
      )
      .toContain('Jeanne Dupont');
    await theirs.close();
    await page.close();
  }, 90_000);

  it("shows a new token's secret once, which then works against the API, and revokes it", async () => {
    const page = await harness.signIn('admin');
    await page.goto(`${base}/admin/tokens`);
    await page.getByTestId('token-owner').selectOption(t.users.responder.id);
    await page.getByTestId('token-name').fill('ci pipeline');
    await page.getByTestId('token-role').selectOption('responder');
    await page.getByTestId('token-create-submit').click();
    const secretField = page.getByTestId('token-secret-value');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^ast_/);
    expect(await page.getByTestId('token-secret').textContent()).toMatch(/not see it again|ne le reverrez plus/);

    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('responder');

    await page.reload();
    const row = page.locator('[data-testid="token-row"][data-name="ci pipeline"]');
    await row.waitFor();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(secret);

    await row.getByTestId('token-row-revoke').click();
    await row.getByTestId('token-row-revoke-confirm').click();
    await expect.poll(() => row.getByTestId('token-row-state').textContent()).toMatch(/Revoked|Révoqué/);
    expect((await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    await page.close();
  }, 90_000);

  it('gives a new integration a URL and key that accept an alert', async () => {
    const page = await harness.signIn('admin');
    await page.goto(`${base}/admin/integrations`);
    await page.getByTestId('integration-name').fill('made in the console');
    await page.getByTestId('integration-kind').selectOption('prometheus');
    await page.getByTestId('integration-create-submit').click();
    await page.getByTestId('integration-key').waitFor();
    const key = await page.getByTestId('integration-key-value').inputValue();
    const url = await page.getByTestId('integration-key-url').inputValue();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(url).toBe(`${base}/api/v2/alerts`);

    const sent = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify([promAlert({ alertname: 'ConsoleMadeIntegration', severity: 'warning' })]),
    });
    expect(sent.status).toBe(200);
    const alerts = await t.call('GET', `/api/v1/alerts?integration=${encodeURIComponent('made in the console')}`);
    expect(alerts.json<AlertListItem[]>().map((alert) => alert.labels['alertname'])).toEqual([
      'ConsoleMadeIntegration',
    ]);

    // A heartbeat's URL holds its key: the shown URL alone is what a cron job calls.
    await page.getByTestId('integration-key-done').click();
    await page.getByTestId('integration-name').fill('nightly backup');
    await page.getByTestId('integration-kind').selectOption('heartbeat');
    await page.getByTestId('integration-create-submit').click();
    await page.getByTestId('integration-key').waitFor();
    const heartbeatUrl = await page.getByTestId('integration-key-url').inputValue();
    expect(heartbeatUrl).toBe(
      `${base}/integrations/heartbeat/${await page.getByTestId('integration-key-value').inputValue()}`,
    );
    expect((await fetch(heartbeatUrl)).ok).toBe(true);
    await expect.poll(() => page.locator('[data-testid="integration-row"]').count()).toBe(2);
    await page.close();
  }, 90_000);

  it('mutes a matching alert with a silence a responder sets in the page', async () => {
    const page = await harness.signIn('responder');
    // Responders have their own way in: the admin entry is not theirs, the silences are.
    expect(await page.locator('header nav a[href="/admin"]').count()).toBe(0);
    await page.locator('header nav a[href="/admin/silences"]').click();
    await page.getByTestId('silence-matcher-name').fill('alertname');
    await page.getByTestId('silence-matcher-operator').selectOption('=~');
    await page.getByTestId('silence-matcher-value').fill('.*');
    await page.getByTestId('silence-comment').fill('Disk drill');
    await page.getByTestId('silence-create-submit').click();
    // Matching every alert is refused, and said next to the matchers.
    await page.getByTestId('field-error-matchers').waitFor();

    await page.getByTestId('silence-matcher-operator').selectOption('=');
    await page.getByTestId('silence-matcher-value').fill('DiskFullDrill');
    await page.getByTestId('silence-duration').selectOption('60');
    await page.getByTestId('silence-create-submit').click();
    const row = page.getByTestId('silence-row').filter({ hasText: 'alertname="DiskFullDrill"' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Test responder');

    const { key } = await createIntegration(t, { name: 'silence target', kind: 'prometheus' });
    expect(
      (await pushAlerts(t, key, [promAlert({ alertname: 'DiskFullDrill', severity: 'critical' })])).statusCode,
    ).toBe(200);
    await expect
      .poll(async () => {
        const listed = (await t.call('GET', '/api/v1/alerts?integration=silence%20target')).json<AlertListItem[]>();
        return listed.map(
          (alert) => Array.isArray(alert.suppressed?.['silences']) && alert.suppressed['silences'].length > 0,
        );
      })
      .toEqual([true]);

    await row.getByTestId('silence-row-expire').click();
    await row.getByTestId('silence-row-expire-confirm').click();
    await expect.poll(() => page.getByTestId('silence-row').filter({ hasText: 'DiskFullDrill' }).count()).toBe(0);
    await page.goto(`${base}/admin/users`);
    await page.getByTestId('admin-forbidden').waitFor();
    await page.close();
  }, 90_000);

  it("mutes a service's alert during a maintenance window planned in the page, until it is ended", async () => {
    expect(
      (await t.call('POST', '/api/v1/services', { body: { id: 'ledger-api', name: 'Ledger API' } })).statusCode,
    ).toBe(201);
    const page = await harness.signIn('responder');
    await page.goto(`${base}/admin/maintenance`);
    await page.getByTestId('maintenance-service').selectOption('ledger-api');
    await page.getByTestId('maintenance-create-submit').click();
    // No reason: the server's 400 lands next to the reason field.
    await page.getByTestId('field-error-reason').waitFor();
    await page.getByTestId('maintenance-reason').fill('Database upgrade');
    await page.getByTestId('maintenance-create-submit').click();
    const row = page.getByTestId('maintenance-row').filter({ hasText: 'Database upgrade' });
    await row.waitFor();

    const { key } = await createIntegration(t, { name: 'maintenance target', kind: 'prometheus' });
    expect(
      (await pushAlerts(t, key, [promAlert({ alertname: 'LedgerSlow', service: 'ledger-api', severity: 'critical' })]))
        .statusCode,
    ).toBe(200);
    await expect
      .poll(async () => {
        const listed = (await t.call('GET', '/api/v1/alerts?integration=maintenance%20target')).json<AlertListItem[]>();
        return listed.map((alert) => Array.isArray(alert.suppressed?.['maintenance']));
      })
      .toEqual([true]);

    await row.getByTestId('maintenance-row-end').click();
    await row.getByTestId('maintenance-row-end-confirm').click();
    await page.getByTestId('maintenance-empty').waitFor();
    const windows = (await t.call('GET', '/api/v1/maintenance-windows?includePast=true')).json<
      Array<{ reason: string; cancelledAt: string | null }>
    >();
    expect(windows.find((window) => window.reason === 'Database upgrade')?.cancelledAt).not.toBeNull();
    await page.close();
  }, 90_000);

  it('pages through the audit log, newest first, for an admin', async () => {
    // Enough writes for a second page of fifty.
    for (let index = 0; index < 55; index += 1) {
      await t.call('POST', '/api/v1/silences', {
        body: {
          matchers: [`alertname="AuditFiller${index}"`],
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          comment: 'filler',
        },
      });
    }
    const page = await harness.signIn('admin');
    await page.goto(`${base}/admin/audit`);
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(50);
    // The newest write is the admin's own sign-in; the last silence is just before it.
    expect(await page.getByTestId('audit-row').nth(0).textContent()).toContain('session.create');
    await page.getByTestId('audit-next').click();
    await expect.poll(() => page.url()).toBe(`${base}/admin/audit?page=2`);
    await expect.poll(() => page.getByTestId('audit-row').first().textContent()).not.toContain('session.create');
    expect(await page.getByTestId('audit-previous').isEnabled()).toBe(true);
    await page.close();
  }, 90_000);

  it('shows a viewer no admin link nor page, and the API refuses them anyway', async () => {
    const page = await harness.signIn('viewer');
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.locator('header nav a[href^="/admin"]').count()).toBe(0);
    await page.goto(`${base}/admin/silences`);
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await callFromPage(page, 'GET', '/api/v1/tokens')).toBe(403);
    expect(await callFromPage(page, 'GET', '/api/v1/audit-log')).toBe(403);
    expect(
      await callFromPage(page, 'POST', '/api/v1/users', {
        username: 'sneaky',
        name: 'Sneaky',
        email: 'sneaky@example.test',
        role: 'admin',
      }),
    ).toBe(403);
    await page.close();
  }, 60_000);
});
